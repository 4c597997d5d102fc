// Shows the "Print this sheet" button only where it can work.
document.querySelectorAll("[data-print-sheet]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

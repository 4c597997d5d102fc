/* Polls a bulk issue's status and updates its progress bar. */
(function () {
  "use strict";
  var root = document.querySelector("[data-batch-progress]");
  if (!root || root.dataset.done === "true") {
    return;
  }
  var bar = root.querySelector("[data-progress-bar]");
  var text = root.querySelector("[data-progress-text]");
  var running = root.querySelector("[data-when-running]");
  var done = root.querySelector("[data-when-done]");

  function poll() {
    fetch(root.dataset.statusUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (status) {
          bar.max = Math.max(status.total, 1);
          bar.value = status.finished;
          bar.textContent = status.finished + " / " + status.total;
          if (text.textContent !== status.message) {
            text.textContent = status.message;
          }
          if (status.done) {
            running.hidden = true;
            done.hidden = false;
            return;
          }
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();

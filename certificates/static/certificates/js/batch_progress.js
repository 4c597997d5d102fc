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
  var problems = root.querySelector("[data-problems]");
  var problemList = root.querySelector("[data-problem-list]");

  function showProblems(list) {
    if (!list || !list.length) {
      return;
    }
    problemList.replaceChildren.apply(
      problemList,
      list.map(function (problem) {
        var item = document.createElement("li");
        var name = document.createElement("bdi");
        name.textContent = problem.name;
        item.append(name, ": " + problem.message);
        return item;
      })
    );
    problems.hidden = false;
  }

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
          showProblems(status.problem_list);
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

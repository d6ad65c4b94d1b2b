// Worksheet enhancements; everything works without them.
// After htmx adds or removes a row, move the keyboard focus to where the person continues.
(function () {
  let rowAction = null;

  document.addEventListener("htmx:beforeRequest", function (event) {
    const name = event.detail.elt && event.detail.elt.getAttribute("name");
    rowAction = name === "add" || name === "remove" ? name : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!rowAction) return;
    const rows = document.querySelectorAll("#rows .dilemmas-row");
    let target;
    if (rowAction === "add" && rows.length) {
      target = rows[rows.length - 1].querySelector("input, textarea, select");
    } else {
      target = document.querySelector("#rows button[name=add]");
    }
    rowAction = null;
    if (target) target.focus();
  });

  // An autosave the server refused (e.g. a stale security token in another tab): say so instead of staying silent.
  document.addEventListener("htmx:responseError", function (event) {
    const status = document.getElementById("autosave-status");
    if (status && event.detail.target === status) status.textContent = status.dataset.error;
  });
  document.addEventListener("htmx:sendError", function (event) {
    const status = document.getElementById("autosave-status");
    if (status && event.detail.target === status) status.textContent = status.dataset.error;
  });

  // The memo's print button only makes sense with JavaScript, so it is shown only then.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });
})();

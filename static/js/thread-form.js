// New-thread form: show only the part that belongs to the chosen kind of thread. Without this script both parts
// stay visible, each with a legend that says when to fill it in, and the server checks the right one either way.
(function () {
  const form = document.querySelector("form[data-thread-form]");
  if (!form) return;
  const parts = form.querySelectorAll("[data-template-part]");

  function show() {
    const chosen = form.querySelector("input[name=template]:checked");
    if (!chosen) return;
    parts.forEach(function (part) {
      part.hidden = part.getAttribute("data-template-part") !== chosen.value;
    });
  }

  form.querySelectorAll("input[name=template]").forEach(function (radio) {
    radio.addEventListener("change", show);
  });
  show();
})();

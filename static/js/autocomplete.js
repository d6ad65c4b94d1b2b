/* Autocomplete for the header search box: the ARIA 1.2 combobox pattern with a listbox popup.
   Progressive enhancement: without this script the box is a plain search form. Options are document titles (go
   to the document) and tags (go to the tag page); nothing from the server is inserted as HTML. */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY = 150;

  function setup(settings) {
    var form = settings.closest("form");
    var input = form && form.querySelector("input[name=q]");
    var url = settings.getAttribute("data-autocomplete-url");
    if (!input || !url) return;
    var wrapper = document.createElement("div");
    wrapper.className = "site-search__combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var listbox = document.createElement("ul");
    listbox.id = input.id + "-options";
    listbox.className = "site-search__options";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", settings.getAttribute("data-label-listbox"));
    listbox.hidden = true;
    wrapper.appendChild(listbox);
    var status = document.createElement("div");
    status.className = "site-visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var options = [];
    var active = -1;
    var timer = null;
    var request = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      options.forEach(function (option, i) {
        option.element.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].element.id);
        options[index].element.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(results) {
      listbox.textContent = "";
      options = results.map(function (result, i) {
        var element = document.createElement("li");
        element.id = listbox.id + "-" + i;
        element.className = "site-search__option";
        element.setAttribute("role", "option");
        element.setAttribute("aria-selected", "false");
        if (result.type === "tag") {
          var kind = document.createElement("span");
          kind.className = "site-search__option-kind";
          kind.textContent = settings.getAttribute("data-label-tag");
          element.appendChild(kind);
        }
        element.appendChild(document.createTextNode(result.label));
        element.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the box until we navigate
          window.location.href = result.url;
        });
        listbox.appendChild(element);
        return { element: element, url: result.url };
      });
      active = -1;
      listbox.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      status.textContent = settings.getAttribute("data-label-status").replace("{count}", String(options.length));
    }

    function fetchOptions() {
      var value = input.value.trim();
      if (value.length < MIN_LENGTH) {
        close();
        return;
      }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(value), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request) render(data.results || []);
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchOptions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && options.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) {
          fetchOptions();
          return;
        }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) next = 0;
        if (next < 0) next = options.length - 1;
        activate(next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].url;
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else {
          input.value = "";
        }
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    document.querySelectorAll("form [data-autocomplete-url]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

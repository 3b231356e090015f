// The contact field as a combobox (WAI-ARIA 1.2 combobox with a listbox popup, list autocomplete
// without automatic selection). Everything works without this file: the field then has a "Find"
// button that posts the form and a short <select> of the matches (templates/widgets/contact_picker.html).
// This removes both, asks the search endpoint as the member types, and posts the chosen contact's
// id in a hidden input of the field's name. The words shown are the template's (data-*), never English here.
// Each picker's template includes this file, so it may run more than once: a picker is set up once.
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var counter = 0;

  function setUp(root) {
    if (root.hasAttribute("data-enhanced")) {
      return;
    }
    root.setAttribute("data-enhanced", "");
    counter += 1;
    var input = root.querySelector("input[type=text]");
    var status = root.querySelector("[data-contact-picker-status]");
    var url = root.getAttribute("data-search-url");
    var minLength = parseInt(root.getAttribute("data-min-length"), 10) || 1;
    var listboxId = (input.id || "contact-picker-" + counter) + "-listbox";

    // The chosen contact: the server's selected option (an edit, a form shown again), if any.
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = root.getAttribute("data-name");
    var chosenLabel = null;
    var select = root.querySelector("select");
    if (select) {
      for (var i = 0; i < select.options.length; i++) {
        var option = select.options[i];
        if (option.defaultSelected && option.value) {
          hidden.value = option.value;
          chosenLabel = option.text;
        }
      }
    }
    root.querySelectorAll("[data-contact-picker-choice], [data-contact-picker-find]").forEach(function (node) {
      node.remove();
    });
    root.appendChild(hidden);
    if (chosenLabel !== null && !input.value) {
      input.value = chosenLabel;
    } else if (chosenLabel !== null && input.value !== chosenLabel) {
      chosenLabel = null; // the text is a search, not the chosen contact's name
      hidden.value = "";
    }

    var listbox = document.createElement("ul");
    listbox.id = listboxId;
    listbox.className = "contact-picker-listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", root.getAttribute("data-listbox-label"));
    listbox.hidden = true;
    input.parentNode.insertAdjacentElement("afterend", listbox);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listboxId);
    input.removeAttribute("placeholder");

    var results = [];
    var active = -1;
    var timer = null;
    var sequence = 0;

    function announce(text) {
      status.textContent = text;
    }

    function optionId(index) {
      return listboxId + "-" + index;
    }

    function open() {
      if (results.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function setActive(index) {
      var options = listbox.children;
      for (var i = 0; i < options.length; i++) {
        var on = i === index;
        options[i].setAttribute("aria-selected", on ? "true" : "false");
        options[i].classList.toggle("is-active", on);
        // Seen without the stylesheet too: a marker before the active option, hidden from screen readers.
        options[i].firstChild.textContent = on ? "› " : "";
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", optionId(index));
        if (options[index].scrollIntoView) {
          options[index].scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(rows) {
      results = rows;
      listbox.textContent = "";
      rows.forEach(function (row, index) {
        var item = document.createElement("li");
        item.id = optionId(index);
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var marker = document.createElement("span");
        marker.setAttribute("aria-hidden", "true");
        marker.className = "contact-picker-marker";
        item.appendChild(marker);
        item.appendChild(document.createTextNode(row.label));
        item.addEventListener("click", function () {
          choose(index);
          input.focus();
        });
        listbox.appendChild(item);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      announce(
        rows.length
          ? root.getAttribute("data-found") + " " + String(rows.length)
          : root.getAttribute("data-none")
      );
      if (rows.length && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    function choose(index) {
      var row = results[index];
      if (!row) {
        return;
      }
      hidden.value = String(row.id);
      chosenLabel = row.label;
      input.value = row.label;
      close();
    }

    function search() {
      var query = input.value.trim();
      sequence += 1;
      var mine = sequence;
      if (query.length < minLength) {
        results = [];
        listbox.textContent = "";
        close();
        announce("");
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === sequence) {
            render(data.results || []); // an answer to an older query is dropped
          }
        })
        .catch(function () {
          // Offline or signed out: the member can still type and submit; the server says what is wrong.
        });
    }

    input.addEventListener("input", function () {
      if (chosenLabel !== null && input.value !== chosenLabel) {
        // Typing again un-chooses: the id posted must be the contact whose name is shown.
        chosenLabel = null;
        hidden.value = "";
      }
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) {
            open();
            if (!results.length && chosenLabel === null) {
              search();
            }
            if (!event.altKey && results.length) {
              setActive(0);
            }
          } else if (results.length) {
            setActive((active + 1) % results.length);
          }
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) {
            open();
          }
          if (results.length) {
            setActive(active <= 0 ? results.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault(); // choosing is not submitting
            choose(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            chosenLabel = null;
            hidden.value = "";
            results = [];
            listbox.textContent = "";
            announce("");
          }
          break;
        default:
          break;
      }
    });

    // A click in the list must not take the focus away from the input first (that would close it).
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    input.addEventListener("blur", function () {
      close();
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-contact-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();

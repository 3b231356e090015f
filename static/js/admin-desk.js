/* The writing desk in the guide's admin form (articles/desk.py, templates/admin/articles/article/
 * change_form.html). Progressive: without this script every language's fields show one after the
 * other, each labelled with its language, and the editor's drag and drop still uploads images.
 *
 * 1. One language bar for the whole form. modeltranslation's script makes a jQuery UI tab set per
 *    translated field; their own tab lists are hidden (admin-desk.css) and the bar switches them all
 *    together. It opens on a language whose fields have errors, else on the guide's source language.
 * 2. "Insert image" beside each body: a <dialog> to upload an image with its alt text, or to pick one
 *    from the library; `![alt](url)` goes in at the cursor. All texts come from the template.
 */
(function () {
  "use strict";

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // --- 1. The language bar ---------------------------------------------------------------------

  function tabSets() {
    return Array.prototype.slice.call(document.querySelectorAll(".ui-tabs"));
  }

  function tabIndex(set, language) {
    var links = set.querySelectorAll(".ui-tabs-nav > li > a");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].textContent.trim().replace("-", "_") === language) return i;
    }
    return -1;
  }

  function languageBar() {
    var bar = document.getElementById("desk-languages");
    var jq = window.django && window.django.jQuery;
    if (!bar || !jq || !jq.fn.tabs || tabSets().length === 0) return;
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button[data-language]"));

    function choose(language) {
      tabSets().forEach(function (set) {
        var index = tabIndex(set, language);
        if (index >= 0) jq(set).tabs("option", "active", index);
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.language === language));
      });
      bar.dataset.current = language;
    }

    var withErrors = null;
    document.querySelectorAll(".ui-tabs-nav > li.ui-tab-has-errors > a").forEach(function (link) {
      var language = link.textContent.trim().replace("-", "_");
      withErrors = withErrors || language;
      buttons.forEach(function (button) {
        if (button.dataset.language === language && !button.querySelector(".desk-error-mark")) {
          var mark = document.createElement("span");
          mark.className = "desk-error-mark";
          mark.textContent = " " + (bar.dataset.errorLabel || "!");
          button.appendChild(mark);
        }
      });
    });

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        choose(button.dataset.language);
      });
    });
    document.body.classList.add("desk-one-language-bar");
    bar.hidden = false;
    choose(withErrors || bar.dataset.sourceLanguage || buttons[0].dataset.language);
  }

  // --- 2. Insert image -------------------------------------------------------------------------

  function imageDialog() {
    var dialog = document.getElementById("desk-image-dialog");
    var openers = document.querySelectorAll(".desk-insert-image");
    if (!dialog || typeof dialog.showModal !== "function" || openers.length === 0) return;
    var uploadForm = dialog.querySelector(".desk-upload");
    var errors = dialog.querySelector(".desk-errors");
    var search = dialog.querySelector("#desk-library-search");
    var status = dialog.querySelector(".desk-library-status");
    var list = dialog.querySelector(".desk-library-list");
    var target = null;
    var opener = null;
    var selection = [0, 0];
    var searchTimer = null;

    function insert(markdown) {
      if (!target) return;
      var before = target.value.slice(0, selection[0]);
      var text = markdown;
      if (before && !/\n$/.test(before)) text = "\n\n" + text;
      target.setRangeText(text + "\n", selection[0], selection[1], "end");
      dialog.close();
      target.focus();
      // markdownx refreshes its preview on input.
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function showErrors(answer) {
      var messages = [];
      Object.keys((answer && answer.errors) || {}).forEach(function (field) {
        messages = messages.concat(answer.errors[field]);
      });
      errors.textContent = messages.join(" ") || dialog.dataset.failed;
    }

    function loadLibrary() {
      var url = dialog.dataset.libraryUrl + "?q=" + encodeURIComponent(search.value.trim());
      status.textContent = dialog.dataset.loading;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          list.replaceChildren();
          answer.images.forEach(function (image) {
            var item = document.createElement("li");
            var button = document.createElement("button");
            var picture = document.createElement("img");
            var label = document.createElement("span");
            button.type = "button";
            button.className = "desk-library-item";
            picture.src = image.url;
            picture.alt = ""; // the button's text is the alt text
            picture.loading = "lazy";
            label.textContent = image.alt;
            button.append(picture, label);
            button.addEventListener("click", function () {
              insert(image.markdown);
            });
            item.appendChild(button);
            list.appendChild(item);
          });
          status.textContent = answer.images.length ? "" : dialog.dataset.empty;
        })
        .catch(function () {
          status.textContent = dialog.dataset.failed;
        });
    }

    openers.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        target = document.getElementById(button.dataset.deskTarget);
        if (!target) return;
        opener = button;
        selection = [target.selectionStart, target.selectionEnd];
        errors.textContent = "";
        uploadForm.reset();
        dialog.showModal();
        loadLibrary();
      });
    });

    dialog.addEventListener("close", function () {
      if (opener && document.activeElement !== target) opener.focus();
    });

    uploadForm.addEventListener("submit", function (event) {
      event.preventDefault();
      errors.textContent = "";
      var alt = uploadForm.querySelector("[name=alt_text]");
      alt.removeAttribute("aria-invalid");
      if (!alt.value.trim()) {
        // The server refuses it too (400); saying so here spares the upload.
        errors.textContent = dialog.dataset.altRequired;
        alt.setAttribute("aria-invalid", "true");
        alt.focus();
        return;
      }
      var submit = uploadForm.querySelector("[type=submit]");
      submit.disabled = true;
      fetch(dialog.dataset.uploadUrl, {
        method: "POST",
        body: new FormData(uploadForm),
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (answer) {
              if (response.ok && answer.image) insert(answer.image.markdown);
              else showErrors(answer);
            });
        })
        .catch(function () {
          errors.textContent = dialog.dataset.failed;
        })
        .finally(function () {
          submit.disabled = false;
        });
    });

    search.addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(loadLibrary, 250);
    });
  }

  function start() {
    languageBar();
    imageDialog();
  }

  // After modeltranslation's script, which builds its tabs in a jQuery ready handler registered
  // before this one (Media lists it first); jQuery runs ready handlers in order.
  if (window.django && window.django.jQuery) window.django.jQuery(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

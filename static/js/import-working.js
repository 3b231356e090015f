// The import's confirmation of a large file takes a few seconds. Without this file the button
// submits as any button does; with it, the first submit changes the button's words to the
// translated "working" text the template put in data-working (no English here), marks it busy for
// assistive technology, and ignores further submits, so a second click cannot post again.
(function () {
  "use strict";

  document.querySelectorAll("form[data-working]").forEach(function (form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.textContent = form.getAttribute("data-working");
        button.setAttribute("aria-disabled", "true");
        form.setAttribute("aria-busy", "true");
      }
    });
  });
})();

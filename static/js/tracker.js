// Tracker enhancements. Everything works without this file: the message texts are selectable in
// readonly textareas; this only reveals the "Copy" buttons and makes them copy.
(function () {
  "use strict";

  function copyText(textarea) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(textarea.value);
    }
    // Older browsers and plain-http development servers: select and use the legacy command.
    textarea.focus();
    textarea.select();
    return new Promise(function (resolve, reject) {
      (document.execCommand && document.execCommand("copy")) ? resolve() : reject(new Error("copy failed"));
    });
  }

  function enhance(button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) {
      return;
    }
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(target).then(
        function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied-label") || "";
          }
        },
        function () {
          target.focus();
          target.select();
        }
      );
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-target]"), enhance);
  });
})();

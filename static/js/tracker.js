// Copy buttons. Everything works without this file: the texts are selectable in readonly fields
// and the buttons stay hidden (the `hidden` attribute); this reveals them and makes them copy.
// A button names its field in data-copy-target and carries its translated "Copied" in
// data-copied-label (the template translates it; no English here). After a copy the button says
// it for a moment and the status region next to it (role="status", read out politely) repeats it
// for screen readers.
(function () {
  "use strict";

  var FEEDBACK_MS = 2000;

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Older browsers and plain-http development servers: select and use the legacy command.
    field.focus();
    field.select();
    return new Promise(function (resolve, reject) {
      (document.execCommand && document.execCommand("copy")) ? resolve() : reject(new Error("copy failed"));
    });
  }

  // The button's visible words: its first non-blank text node (a visually hidden span may follow).
  function labelNode(button) {
    for (var i = 0; i < button.childNodes.length; i++) {
      var node = button.childNodes[i];
      if (node.nodeType === 3 && node.data.trim()) {
        return node;
      }
    }
    return null;
  }

  function statusFor(button) {
    var id = button.getAttribute("data-copy-status");
    var status = id ? document.getElementById(id) : button.nextElementSibling;
    return status && status.getAttribute("role") === "status" ? status : null;
  }

  function enhance(button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var copied = button.getAttribute("data-copied-label");
    if (!target || !copied) {
      return;
    }
    var label = labelNode(button);
    var original = label ? label.data : "";
    var status = statusFor(button);
    var timer = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(target).then(
        function () {
          window.clearTimeout(timer);
          if (label) {
            label.data = copied;
          }
          if (status) {
            status.textContent = copied;
          }
          // Back to "Copy", and the status emptied so that the next copy is announced again.
          timer = window.setTimeout(function () {
            if (label) {
              label.data = original;
            }
            if (status) {
              status.textContent = "";
            }
          }, FEEDBACK_MS);
        },
        function () {
          target.focus();
          target.select();
        }
      );
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy-target]"), enhance);
  });
})();

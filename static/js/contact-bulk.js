// "Select all on this page" for the contact list's bulk actions. Without this file the box stays
// hidden (the `hidden` attribute) and each contact is ticked on its own; with it, the box ticks or
// clears every contact of the page, and shows as mixed when only some are ticked.
(function () {
  "use strict";

  var form = document.getElementById("contact-bulk");
  var wrapper = form && form.querySelector("[data-select-all]");
  if (!wrapper) {
    return;
  }
  var all = wrapper.querySelector("input[type=checkbox]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=ids]"));

  function sync() {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", sync); });
  wrapper.hidden = false;
  sync();
})();

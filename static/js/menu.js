// The header's menus are <details> elements, so they open and close without JavaScript. With it,
// they also close the way menus do: Escape (focus back on the button), a click elsewhere, or the
// keyboard focus moving out of them.
(function () {
  "use strict";
  var menus = document.querySelectorAll("details.header-menu, details.lang-picker");

  function close(menu, focusButton) {
    if (!menu.open) return;
    menu.open = false;
    if (focusButton) menu.querySelector("summary").focus();
  }

  menus.forEach(function (menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        close(menu, true);
        event.preventDefault();
      }
    });
    menu.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !menu.contains(event.relatedTarget)) close(menu, false);
    });
  });

  document.addEventListener("click", function (event) {
    menus.forEach(function (menu) {
      if (!menu.contains(event.target)) close(menu, false);
    });
  });
})();

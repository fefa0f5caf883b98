/* Site-wide: on a narrow screen the search and the main menu fold behind a "Meny" button (a
   disclosure: aria-expanded, Enter/Space toggle, Escape closes and returns focus). Without
   JavaScript the button is not shown and the search and menu are always there. */
(function () {
    "use strict";
    var toggle = document.querySelector(".menu-toggle");
    if (!toggle) return;
    var header = toggle.closest(".site-header");
    function isOpen() { return toggle.getAttribute("aria-expanded") === "true"; }
    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        header.classList.toggle("site-header--open", open);
    }
    toggle.addEventListener("click", function () { setOpen(!isOpen()); });
    header.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !isOpen() || toggle.offsetParent === null) return;
        setOpen(false);
        toggle.focus();
    });
})();

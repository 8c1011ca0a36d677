// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    // Print every accordion open, so that a printed page carries every answer.
    var opened = [];
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details:not([open])").forEach(function (el) {
            el.setAttribute("open", "");
            opened.push(el);
        });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (el) { el.removeAttribute("open"); });
        opened = [];
    });
})();

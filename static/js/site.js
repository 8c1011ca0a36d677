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

// An error summary takes focus, so that screen-reader users hear what went wrong.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
})();

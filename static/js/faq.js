// FAQ: a link to one question (#otazka-5) opens its answer. Without this script the reader
// lands on the closed question and opens it with one click.
(function () {
    "use strict";
    function openTarget() {
        if (!window.location.hash) { return; }
        var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        if (target && target.tagName === "DETAILS") { target.open = true; }
    }
    window.addEventListener("hashchange", openTarget);
    openTarget();
})();

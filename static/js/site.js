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

// Contact form: a character count on the message (GOV.UK's pattern). Without this script the
// hint says how long the message may be and the server says when it is too long.
(function () {
    "use strict";
    document.querySelectorAll("[data-character-count]").forEach(function (wrapper) {
        var field = wrapper.querySelector("textarea");
        var limit = parseInt(wrapper.getAttribute("data-maxlength"), 10);
        if (!field || !limit) { return; }
        var status = document.createElement("p");
        status.className = "character-count";
        status.id = field.id + "-count";
        status.setAttribute("aria-live", "polite");
        field.insertAdjacentElement("afterend", status);
        field.setAttribute(
            "aria-describedby",
            ((field.getAttribute("aria-describedby") || "") + " " + status.id).trim()
        );
        function update() {
            var left = limit - field.value.length;
            var over = left < 0;
            var text = wrapper.getAttribute(over ? "data-over" : "data-remaining");
            status.textContent = text.replace("%(count)s", String(Math.abs(left)));
            status.classList.toggle("character-count--over", over);
        }
        field.addEventListener("input", update);
        update();
    });
})();

// Contact form: while a person types a question, suggest articles that may already answer it.
// Without this script the form's second button shows the same list on a new page.
(function () {
    "use strict";
    var box = document.querySelector("[data-suggestions]");
    if (!box || !window.fetch) { return; }
    var form = box.closest("form");
    var message = form && form.querySelector("textarea[name=message]");
    if (!message) { return; }
    var url = box.getAttribute("data-suggestions-url");
    var timer = null;
    var asked = "";
    function ask() {
        var text = message.value.trim();
        if (text.length < 15 || text === asked) { return; }
        asked = text;
        var data = new FormData();
        data.append("message", text);
        data.append("visit", form.elements.visit.value);
        data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        fetch(url, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                // Trimmed: a reply with no article is whitespace, and the box hides only when
                // it is :empty (site.css), so it must not keep a blank bordered bar.
                if (html !== null && text === asked) { box.innerHTML = html.trim(); }
            })
            .catch(function () { /* suggestions are a help, never a requirement */ });
    }
    message.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 600);
    });
})();

// Forms on pages served from a shared cache carry an empty CSRF field and an empty time-trap
// field: a token in a shared copy would be someone else's, and its start time that of the
// first render, hours ago. Both are fetched from /csrf-token/ once per visit, when a form that
// needs them first comes into view (so the time-trap is stamped when this reader could first
// start on the form), or when the reader starts on it or sends it, whichever comes first.
// Without this script the refused post comes back filled in, with tokens, for one more click.
(function () {
    "use strict";
    var LAZY = "input[data-csrf-token], input[data-form-started]";
    var forms = [];
    document.querySelectorAll(LAZY).forEach(function (field) {
        if (!field.value && field.form && forms.indexOf(field.form) < 0) { forms.push(field.form); }
    });
    if (!forms.length || !window.fetch) { return; }
    var pending = null;
    function fill(data) {
        forms.forEach(function (form) {
            form.querySelectorAll("input[data-csrf-token]").forEach(function (field) {
                field.value = data.token;
            });
            form.querySelectorAll("input[data-form-started]").forEach(function (field) {
                if (!field.value) { field.value = data.form_started || ""; }
            });
        });
    }
    function load() {
        if (!pending) {
            pending = fetch("/csrf-token/", {
                credentials: "same-origin",
                headers: { "Accept": "application/json" }
            }).then(function (response) {
                if (!response.ok) { throw new Error(String(response.status)); }
                return response.json();
            }).then(fill).catch(function (error) {
                pending = null;  // the next attempt asks again
                throw error;
            });
        }
        return pending;
    }
    function filled(form) {
        return Array.prototype.every.call(form.querySelectorAll(LAZY), function (field) {
            return field.value;
        });
    }
    if (window.IntersectionObserver) {
        var observer = new IntersectionObserver(function (entries) {
            if (entries.some(function (entry) { return entry.isIntersecting; })) {
                observer.disconnect();
                load().catch(function () { /* asked again on focus or on sending */ });
            }
        });
        forms.forEach(function (form) { observer.observe(form); });
    } else {
        load().catch(function () { /* asked again on focus or on sending */ });
    }
    forms.forEach(function (form) {
        form.addEventListener("focusin", function () {
            load().catch(function () { /* asked again on sending */ });
        });
        form.addEventListener("submit", function (event) {
            if (filled(form)) { return; }
            event.preventDefault();
            var send = function () { form.submit(); };
            load().then(send, send);
        });
    });
})();

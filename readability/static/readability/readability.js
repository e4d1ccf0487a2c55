// The page editor's readability panel (readability/panel.py): while the form changes,
// post it to the readability view every few seconds and show the report it renders.
(function () {
    "use strict";
    var INTERVAL = 2500;

    function start() {
        var panel = document.querySelector("[data-readability]");
        var url = panel && panel.getAttribute("data-readability-url");
        var form = panel && panel.closest("form");
        if (!url || !form) return;
        var last = new URLSearchParams(new FormData(form)).toString();
        var busy = false;

        window.setInterval(function () {
            if (busy) return;
            var data = new FormData(form);
            var serialised = new URLSearchParams(data).toString();
            if (serialised === last) return;
            last = serialised;
            busy = true;
            fetch(url, { method: "POST", body: data, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : {}; })
                .then(function (result) {
                    if (result.valid && typeof result.html === "string") panel.innerHTML = result.html;
                })
                .catch(function () {})
                .finally(function () { busy = false; });
        }, INTERVAL);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();

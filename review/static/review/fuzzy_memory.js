// Copy buttons for the fuzzy memory panel above wagtail-localize's translation editor
// (review/fuzzy_panel.py). The panel is rendered by the server; without the clipboard API
// the buttons stay hidden and the suggestion is selected by hand.
(function () {
    "use strict";

    function start() {
        var panel = document.querySelector(".review-fuzzy");
        if (!panel || !navigator.clipboard) return;
        panel.querySelectorAll(".review-fuzzy-copy").forEach(function (button) {
            var label = button.textContent;
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(button.getAttribute("data-text") || "").then(
                    function () {
                        button.textContent = panel.getAttribute("data-copied") || label;
                        window.setTimeout(function () {
                            button.textContent = label;
                        }, 3000);
                    },
                    function () {}
                );
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

// Right-to-left and lang attributes in wagtail-localize's translation editor (see
// review/editor_direction.py, wagtail-localize issue #197).
(function () {
    "use strict";

    function readJSON(element) {
        try {
            return JSON.parse(element.textContent || element.getAttribute("data-props") || "{}");
        } catch (error) {
            return {};
        }
    }

    function setLanguage(element, code, dir) {
        if (element.getAttribute("lang") !== code) element.setAttribute("lang", code);
        if (element.getAttribute("dir") !== dir) element.setAttribute("dir", dir);
    }

    function start() {
        var editor = document.querySelector(".js-translation-editor");
        var tableElement = document.getElementById("review-editor-languages");
        if (!editor || !tableElement) return;
        var table = readJSON(tableElement);
        var props;
        try {
            props = JSON.parse(editor.getAttribute("data-props"));
        } catch (error) {
            return;
        }
        var target = props.locale && props.locale.code;
        var source = (props.sourceLocale && props.sourceLocale.code) || "sv";
        if (!target) return;
        var targetDir = (table[target] && table[target].dir) || "ltr";
        var sourceDir = (table[source] && table[source].dir) || "ltr";
        editor.setAttribute("data-target-lang", target);

        function mark() {
            // Each segment is an <li>: [field label] <p>source</p> <div>value</div> <ul>tools</ul>
            editor.querySelectorAll("li").forEach(function (item) {
                var value = item.querySelector(":scope > div");
                if (!value) return;
                var sourceText = value.previousElementSibling;
                if (!sourceText || sourceText.tagName !== "P") return;
                setLanguage(sourceText, source, sourceDir);
                setLanguage(value, target, targetDir);
                value.classList.add("review-target-value");
            });
            editor.querySelectorAll("textarea").forEach(function (field) {
                setLanguage(field, target, targetDir);
            });
        }

        mark();
        new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

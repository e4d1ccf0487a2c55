// Swedish (the admin's language) for the texts wagtail-localize's editor hard-codes in
// English; see portal/admin_swedish.py. The words come from the page, not from here.
(function () {
    "use strict";

    function start() {
        var editor = document.querySelector(".js-translation-editor");
        var wordsElement = document.getElementById("portal-editor-words");
        if (!editor || !wordsElement) return;
        var words, props;
        try {
            words = JSON.parse(wordsElement.textContent);
            props = JSON.parse(editor.getAttribute("data-props"));
        } catch (error) {
            return;
        }
        var source = (props.sourceLocale && props.sourceLocale.displayName) || "";
        var target = (props.locale && props.locale.displayName) || "";
        var replacements = {};
        replacements[source + " to " + target + " translation"] = words.sectionTitle
            .replace("%(source)s", source)
            .replace("%(target)s", target);
        replacements["More actions"] = words.moreActions;

        function translate() {
            var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
            var node;
            while ((node = walker.nextNode())) {
                var text = node.nodeValue.trim();
                if (Object.prototype.hasOwnProperty.call(replacements, text)) {
                    node.nodeValue = replacements[text];
                }
            }
        }

        translate();
        new MutationObserver(translate).observe(editor, {
            childList: true,
            subtree: true,
            characterData: true,
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

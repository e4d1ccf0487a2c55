// The panel of changed Swedish strings above wagtail-localize's translation editor
// (see review/changed_strings.py): fetched as HTML from the review app and inserted once.
(function () {
    "use strict";

    function start() {
        var editor = document.querySelector(".js-translation-editor");
        var config = document.getElementById("review-changed-strings-url");
        if (!editor || !config) return;
        var props;
        try {
            props = JSON.parse(editor.getAttribute("data-props"));
        } catch (error) {
            return;
        }
        var link = (props.links && props.links.downloadPofile) || "";
        var match = link.match(/\/translate\/(\d+)\//);
        if (!match) return;
        var url = JSON.parse(config.textContent).replace(/\/0\/$/, "/" + match[1] + "/");
        fetch(url, { credentials: "same-origin" })
            .then(function (response) {
                return response.ok ? response.text() : "";
            })
            .then(function (html) {
                if (!html.trim()) return;
                var holder = document.createElement("div");
                holder.className = "review-changed-strings-holder";
                holder.innerHTML = html;
                editor.parentNode.insertBefore(holder, editor);
            })
            .catch(function () {});
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

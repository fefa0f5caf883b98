/* Method finder: results update in place when filters change (progressive enhancement).
   Without JavaScript the form submits as usual; with it, the same URL is fetched, the filters
   and results are swapped in, the address bar is updated (shareable), focus stays where it was
   and the status line (role=status) announces the new count. */
(function () {
    "use strict";
    var root = document.querySelector("[data-finder]");
    if (!root || !window.fetch || !window.DOMParser) return;
    document.documentElement.classList.add("js");
    var form = root.querySelector("#finder-form");
    var controller = null;

    // The filter panel (<details>) is always open beside the results on a wide screen and
    // folds on a phone, where "Visa metoder" closes it and moves to the results.
    var panel = root.querySelector("#finder-panel");
    var wide = window.matchMedia("(min-width: 48.01rem)");
    function syncPanel() { if (panel && wide.matches) panel.open = true; }
    syncPanel();
    if (wide.addEventListener) wide.addEventListener("change", syncPanel);
    if (panel) {
        panel.querySelector("summary").addEventListener("click", function (event) {
            if (wide.matches) event.preventDefault();
        });
    }

    function urlFor(formElement) {
        var params = new URLSearchParams(new FormData(formElement));
        var cleaned = new URLSearchParams();
        params.forEach(function (value, key) { if (value !== "") cleaned.append(key, value); });
        var query = cleaned.toString();
        return formElement.getAttribute("action") + (query ? "?" + query : "");
    }

    function swap(url, focusTarget, push) {
        if (controller) controller.abort();
        controller = new AbortController();
        var results = root.querySelector("#finder-results");
        results.setAttribute("aria-busy", "true");
        return fetch(url, { headers: { "X-Requested-With": "fetch" }, signal: controller.signal })
            .then(function (response) {
                if (!response.ok) throw new Error(response.status);
                return response.text();
            })
            .then(function (html) {
                var doc = new DOMParser().parseFromString(html, "text/html");
                var focusedId = focusTarget || (document.activeElement && document.activeElement.id);
                ["#finder-filters", ".finder__tiers", "#finder-panel-count"].forEach(function (selector) {
                    var fresh = doc.querySelector(selector), current = root.querySelector(selector);
                    if (fresh && current) current.replaceWith(fresh);
                });
                var freshResults = doc.querySelector("#finder-results");
                var status = results.querySelector("#finder-status");
                var freshStatus = freshResults.querySelector("#finder-status");
                // keep the live region node itself, so screen readers announce the new text
                Array.prototype.slice.call(results.children).forEach(function (child) {
                    if (child !== status) child.remove();
                });
                Array.prototype.slice.call(freshResults.children).forEach(function (child) {
                    if (child.id === "finder-status") return;
                    results.appendChild(child);
                });
                var heading = results.querySelector("#results-heading");
                if (heading) results.insertBefore(heading, status);
                status.textContent = freshStatus ? freshStatus.textContent : "";
                if (push) history.pushState({ finder: true }, "", url);
                var target = focusedId && document.getElementById(focusedId);
                if (target) target.focus();
            })
            .catch(function (error) {
                if (error.name !== "AbortError") window.location.href = url;
            })
            .finally(function () { results.removeAttribute("aria-busy"); });
    }

    form.addEventListener("change", function (event) {
        if (event.target.name === "q") return;
        swap(urlFor(form), event.target.id, true);
    });
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (panel && !wide.matches) panel.open = false;
        swap(urlFor(form), "results-heading", true);
    });
    root.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest(".pagination a, .finder__chips a, .finder__empty a[href^='?']");
        if (!link) return;
        event.preventDefault();
        swap(link.href, "results-heading", true);
    });
    window.addEventListener("popstate", function () { swap(window.location.href, null, false); });

    // Suggestions for the search box (titles from the autocomplete endpoint).
    var input = root.querySelector("#finder-q");
    var list = root.querySelector("#finder-suggestions");
    var endpoint = root.getAttribute("data-autocomplete-url");
    var timer = null;
    if (input && list && endpoint) {
        input.addEventListener("input", function () {
            clearTimeout(timer);
            var value = input.value.trim();
            if (value.length < 2) return;
            timer = setTimeout(function () {
                fetch(endpoint + "?q=" + encodeURIComponent(value))
                    .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                    .then(function (data) {
                        list.innerHTML = "";
                        data.suggestions.forEach(function (suggestion) {
                            var option = document.createElement("option");
                            option.value = suggestion.title;
                            list.appendChild(option);
                        });
                    })
                    .catch(function () {});
            }, 200);
        });
    }
})();

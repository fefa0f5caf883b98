/* Knowledge library enhancements. Everything works without this file:
   - the absence calculator is a plain GET form; here its answer follows the typing;
   - film chapters are plain links (media fragments); here they jump in the player. */
(function () {
  "use strict";

  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function enhanceCalculator(form) {
    if (form.dataset.liveReady) { return; }
    form.dataset.liveReady = "1";
    var output = form.nextElementSibling;
    if (!output) { return; }
    var status = output.querySelector(".calculator__status");
    var details = output.querySelector(".calculator__details");
    var url = form.dataset.liveUrl;
    var prefix = form.dataset.prefix || "";
    var last = "";
    var controller = null;

    var update = debounce(function () {
      var params = new URLSearchParams(new FormData(form));
      if (prefix) { params.set("prefix", prefix); }
      var query = params.toString();
      if (query === last) { return; }
      last = query;
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?" + query, { signal: controller.signal, headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || !data.ok) { return; } // invalid input: the Räkna button shows the errors
          var holder = document.createElement("div");
          holder.innerHTML = data.html;
          var newStatus = holder.querySelector(".calculator__status");
          var newDetails = holder.querySelector(".calculator__details");
          if (newStatus && status.innerHTML !== newStatus.innerHTML) { status.innerHTML = newStatus.innerHTML; }
          if (newDetails) { details.innerHTML = newDetails.innerHTML; }
          var pageUrl = new URL(window.location.href);
          pageUrl.search = new URLSearchParams(new FormData(form)).toString();
          window.history.replaceState(null, "", pageUrl.toString());
        })
        .catch(function () { /* offline or aborted: the form still works */ });
    }, 400);

    form.addEventListener("input", update);
    form.addEventListener("change", update);
  }

  function enhanceChapters() {
    var video = document.getElementById("film-video");
    var frame = document.getElementById("film-embed");
    document.querySelectorAll("a.film__chapter").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var seconds = parseInt(link.dataset.seconds, 10) || 0;
        if (video) {
          event.preventDefault();
          video.dataset.requestedTime = String(seconds);
          video.currentTime = seconds;
          video.focus();
          // The visitor asked for this chapter, so playing is their choice, not autoplay.
          var playing = video.play();
          if (playing && playing.catch) { playing.catch(function () {}); }
        } else if (frame && frame.src.indexOf("youtube-nocookie.com") !== -1) {
          event.preventDefault();
          var src = new URL(frame.src);
          src.searchParams.set("start", String(seconds));
          frame.src = src.toString();
          frame.focus();
        }
      });
    });
  }

  function init() {
    document.querySelectorAll("form.calculator").forEach(enhanceCalculator);
    enhanceChapters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// Progressive enhancement only: the form works without JavaScript.
// Moves focus to the error summary so screen-reader and keyboard users hear what to fix.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();

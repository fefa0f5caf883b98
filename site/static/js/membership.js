// The attendance network: progressive enhancement only (everything works without JavaScript).
(function () {
  "use strict";
  // Move focus to the error summary so screen-reader and keyboard users hear what to fix.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
  // Show how many characters are left in the motivation field.
  var motivation = document.getElementById("id_motivation");
  var help = document.getElementById("id_motivation-help");
  if (motivation && help && motivation.maxLength > 0) {
    var counter = document.createElement("span");
    counter.className = "helptext";
    counter.setAttribute("aria-live", "polite");
    help.insertAdjacentElement("afterend", counter);
    var update = function () {
      var left = motivation.maxLength - motivation.value.length;
      counter.textContent = (document.documentElement.lang === "en" ? "Characters left: " : "Tecken kvar: ") + left;
    };
    motivation.addEventListener("input", update);
    update();
  }
})();

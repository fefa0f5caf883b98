// Events: progressive enhancement only (everything works without JavaScript).
(function () {
  "use strict";
  // Move focus to the error summary so screen-reader and keyboard users hear what to fix.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
  // Avoid double registrations from a double click: disable the button once the form is sent.
  var forms = document.querySelectorAll("form.events-form");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  });
})();

/* Public forms (kcsite.forms): progressive enhancement only, every form works without it.
   - The error summary ([data-error-summary], components/forms/error_summary.html) takes focus
     when the page loads, so screen-reader and keyboard users hear what to fix first.
   - A field with data-character-count (PublicFormMixin.character_count) shows how many
     characters are left, below its help text, announced politely.
   - A form with data-submit-once disables its submit button once it is sent (no double
     registration from a double click); the button is enabled again when the page is shown
     from the browser's back-forward cache. */
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-character-count]"), function (field) {
    if (!(field.maxLength > 0)) { return; }
    var counter = document.createElement("span");
    counter.className = "helptext form-field__count";
    counter.setAttribute("aria-live", "polite");
    var help = document.getElementById(field.id + "_helptext");
    (help || field).insertAdjacentElement("afterend", counter);
    var label = field.getAttribute("data-character-count");
    var update = function () {
      counter.textContent = label + " " + (field.maxLength - field.value.length);
    };
    field.addEventListener("input", update);
    update();
  });

  var onceForms = document.querySelectorAll("form[data-submit-once]");
  Array.prototype.forEach.call(onceForms, function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        // After the submit event, so the button's own name and value are still sent.
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    Array.prototype.forEach.call(onceForms, function (form) {
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = false; }
    });
  });
})();

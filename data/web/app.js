// Trappa: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // After a failed submit, move focus to the error summary so screen readers announce it.
  var summary = document.getElementById("felsammanfattning");
  if (summary) summary.focus();

  // The self-assessment: show how many questions are answered.
  var form = document.querySelector("form[data-progress]");
  if (form) {
    var output = form.querySelector("[data-progress-output]");
    var groups = form.querySelectorAll("[data-question]");
    var lang = document.documentElement.lang;
    var update = function () {
      var answered = 0;
      groups.forEach(function (group) {
        if (group.querySelector("input[type=radio]:checked")) answered += 1;
      });
      if (output) {
        output.textContent = lang === "en"
          ? answered + " of " + groups.length + " questions answered"
          : answered + " av " + groups.length + " frågor besvarade";
      }
    };
    form.addEventListener("change", update);
    update();
  }

  // The conversation: at most N priorities; further boxes are disabled while N are ticked.
  document.querySelectorAll("form[data-priorities]").forEach(function (conversation) {
    var max = parseInt(conversation.getAttribute("data-priorities"), 10) || 3;
    var boxes = conversation.querySelectorAll("input[name=priority]");
    var limit = function () {
      var ticked = 0;
      boxes.forEach(function (box) { if (box.checked) ticked += 1; });
      boxes.forEach(function (box) {
        if (!box.checked && !box.hasAttribute("data-was-disabled")) box.disabled = ticked >= max;
      });
    };
    boxes.forEach(function (box) {
      if (box.disabled) box.setAttribute("data-was-disabled", "");
      box.addEventListener("change", limit);
    });
    limit();
  });

  // Ask before an irreversible action (closing a round).
  document.querySelectorAll("form[data-confirm]").forEach(function (confirmForm) {
    confirmForm.addEventListener("submit", function (event) {
      if (!window.confirm(confirmForm.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();

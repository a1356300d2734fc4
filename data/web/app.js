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

  // A GET form marked data-live="ID" (Prognos' scenario) recomputes as its fields change: the
  // same address the submit button would load is fetched, and the element ID is replaced with
  // the new one, without reloading the page; the address bar follows, so a reload or a link
  // shows the same. Without this file the submit button does the same with a reload.
  document.querySelectorAll("form[data-live]").forEach(function (liveForm) {
    var target = document.getElementById(liveForm.getAttribute("data-live"));
    if (!target || !window.fetch || !window.DOMParser) return;
    var timer = null;
    var latest = 0;
    var refresh = function () {
      var query = new URLSearchParams(new FormData(liveForm)).toString();
      var address = liveForm.getAttribute("action") + "?" + query;
      var request = ++latest;
      target.setAttribute("aria-busy", "true");
      fetch(address, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (request !== latest) return;  // a newer change is on its way
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(target.id);
          if (fresh) target.innerHTML = fresh.innerHTML;
          target.removeAttribute("aria-busy");
          window.history.replaceState(null, "", address);
        })
        .catch(function () { target.removeAttribute("aria-busy"); });
    };
    liveForm.addEventListener("change", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 250);
    });
  });

  // Unsaved changes (issue 13, item 1): a form marked data-unsaved counts as changed from its
  // first edit until it is submitted ("changed" from the start when the server sent it back
  // with what was entered but not saved). Leaving the page then asks first, and a warning
  // shows before the session ends (the layout's #session-warning, its text from the
  // catalogue; data-session-seconds is the session's time left when the page was served).
  var watched = document.querySelectorAll("form[data-unsaved]");
  var changed = false;
  var sessionEnding = false;
  var warning = document.getElementById("session-warning");
  var showWarning = function () {
    if (warning && changed && sessionEnding) warning.hidden = false;
  };
  watched.forEach(function (watchedForm) {
    if (watchedForm.getAttribute("data-unsaved") === "changed") changed = true;
    var mark = function () {
      changed = true;
      showWarning();
    };
    watchedForm.addEventListener("change", mark);
    watchedForm.addEventListener("input", mark);
    watchedForm.addEventListener("submit", function () {
      changed = false;
      if (warning) warning.hidden = true;
    });
  });
  if (watched.length > 0) {
    window.addEventListener("beforeunload", function (event) {
      if (!changed) return undefined;
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
    var left = warning ? parseInt(warning.getAttribute("data-session-seconds"), 10) : NaN;
    if (left > 0) {
      // Five minutes ahead, or half the time left on a shorter session.
      var ahead = Math.min(300, Math.floor(left / 2));
      var delay = (left - ahead) * 1000;
      if (delay < 2147483647) {  // a timer further ahead than setTimeout can wait never fires
        window.setTimeout(function () {
          sessionEnding = true;
          showWarning();
        }, delay);
      }
    }
  }

  // Ask before an irreversible action (closing a round).
  document.querySelectorAll("form[data-confirm]").forEach(function (confirmForm) {
    confirmForm.addEventListener("submit", function (event) {
      if (!window.confirm(confirmForm.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();

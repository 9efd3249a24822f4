// Live previews and counters of the dashboard's forms, in plain JavaScript: two behaviours do not need a library, and
// this runs under a CSP of script-src 'self' with no eval. Without JavaScript every form still works by submitting.
//
// <form data-live="/app/…/preview" data-live-target="some-id"> posts its fields (its CSRF field included) 400 ms after
// the last change and puts the answer, an HTML fragment rendered and escaped by the server, into #some-id.
(function () {
  "use strict";

  function preview(form) {
    var target = document.getElementById(form.getAttribute("data-live-target"));
    if (!target) {
      return;
    }
    fetch(form.getAttribute("data-live"), {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      redirect: "follow"
    }).then(function (response) {
      if (response.redirected) {
        // The session ended: the sign-in page answered instead.
        window.location.reload();
        return null;
      }
      return response.ok ? response.text() : null;
    }).then(function (fragment) {
      if (fragment !== null) {
        target.innerHTML = fragment;
      }
    }).catch(function () {
      // A lost connection leaves the last preview in place; saving still checks everything.
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-live]").forEach(function (form) {
      var timer = null;
      form.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { preview(form); }, 400);
      });
    });
  });
})();

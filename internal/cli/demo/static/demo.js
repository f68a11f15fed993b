// The demo page's own script: what the loading strategy fetched when, the
// agent's buttons (window.jivokitStub), sending a sample webhook, and the
// live log of received webhooks.
(function () {
  "use strict";

  // Errors go on the page, not the console: the end-to-end test of the demo
  // fails on any console error.
  function status(text) {
    var el = document.getElementById("agent-status");
    if (el) el.textContent = text;
  }

  document.querySelectorAll("[data-stub]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-stub");
      var args = JSON.parse(button.getAttribute("data-args") || "[]");
      var textID = button.getAttribute("data-text");
      if (textID) args = [document.getElementById(textID).value];
      var stub = window.jivokitStub;
      if (!stub || typeof stub[name] !== "function") {
        status("The stub widget is not on this page.");
        return;
      }
      try {
        stub[name].apply(null, args);
        status("jivokitStub." + name + "(" + args.map(function (a) { return JSON.stringify(a); }).join(", ") + ")");
      } catch (e) {
        status(String(e && e.message || e));
      }
    });
  });

  // The loading strategy: the widget's phase, the consent button and what
  // was fetched from the widget, when (resource timing, in ms after the
  // navigation started).
  var consent = document.getElementById("consent");
  if (consent) {
    consent.addEventListener("click", function () {
      if (window.jivokit) window.jivokit.load();
      consent.disabled = true;
    });
  }
  var phase = document.getElementById("phase");
  var fetched = document.querySelector("#fetched tbody");
  var seen = {};
  function widgetURL(u) {
    return /\/jivokit\/stub|jivosite\.com|jivo\.ru/.test(u);
  }
  function showLoading() {
    if (phase) phase.textContent = window.jivokit ? window.jivokit.phase : "no page runtime";
    if (!fetched || !window.performance || !performance.getEntriesByType) return;
    performance.getEntriesByType("resource").forEach(function (e) {
      if (!widgetURL(e.name) || seen[e.name + e.startTime]) return;
      seen[e.name + e.startTime] = true;
      var tr = document.createElement("tr");
      var at = document.createElement("td");
      at.textContent = Math.round(e.startTime);
      var what = document.createElement("td");
      what.textContent = e.name.replace(location.origin, "") + (e.transferSize ? " (" + Math.round(e.transferSize / 1024) + " KB)" : "");
      tr.appendChild(at);
      tr.appendChild(what);
      fetched.appendChild(tr);
    });
  }
  showLoading();
  setInterval(showLoading, 250);

  // The loader's watchdog: why the widget did not load.
  var failure = document.getElementById("failure-reason");
  function showFailure() {
    var f = window.jivokit && window.jivokit.failure;
    if (failure && f) failure.textContent = f.reason + " (" + f.detail + ")";
  }
  showFailure();
  window.addEventListener("jivokit:failure", showFailure);

  var reply = document.getElementById("webhook-reply");
  var form = document.getElementById("webhook-send");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    reply.textContent = "sending…";
    fetch("/demo/webhook/send", {
      method: "POST",
      headers: { "X-Jivokit-Demo": "1" },
      body: new URLSearchParams(new FormData(form)),
    }).then(function (r) {
      return r.ok ? r.json() : r.text().then(function (t) { throw new Error(t); });
    }).then(function (res) {
      reply.textContent = res.output;
      reply.className = res.ok ? "ok" : "failed";
      poll();
    }, function (err) {
      reply.textContent = "could not send: " + err.message;
      reply.className = "failed";
    });
  });

  var log = document.getElementById("webhook-log");
  var last = 0;
  var polling = false;
  function poll() {
    if (polling) return;
    polling = true;
    fetch("/demo/webhook/events?since=" + last).then(function (r) {
      return r.ok ? r.json() : [];
    }).then(function (events) {
      events.forEach(function (e) {
        last = Math.max(last, e.seq);
        var li = document.createElement("li");
        li.setAttribute("data-event", e.event_name);
        var head = document.createElement("strong");
        head.textContent = e.time + " " + e.event_name;
        var summary = document.createElement("span");
        summary.textContent = " " + e.summary;
        li.appendChild(head);
        li.appendChild(summary);
        log.appendChild(li);
      });
    }, function () {
      // The demo server stopped; the next poll tries again.
    }).then(function () {
      polling = false;
    });
  }
  poll();
  setInterval(poll, 1500);
})();

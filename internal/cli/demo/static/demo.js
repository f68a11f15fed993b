// The demo page's own script: the agent's buttons (window.jivokitStub),
// sending a sample webhook, and the live log of received webhooks.
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

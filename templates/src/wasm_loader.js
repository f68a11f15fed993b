(function (s) {
  "use strict";
  var url = s.getAttribute("data-wasm");
  function fail(message, err) {
    console.error("jivokit: " + message, err === undefined ? "" : err);
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "jivokit-wasm-error";
    p.textContent = message;
    if (s.parentNode && document.body && document.body.contains(s)) {
      s.parentNode.insertBefore(p, s);
    } else if (document.body) {
      document.body.insertBefore(p, document.body.firstChild);
    } else {
      document.addEventListener("DOMContentLoaded", function () {
        document.body.insertBefore(p, document.body.firstChild);
      });
    }
  }
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("This page needs WebAssembly, which this browser does not support or has disabled.");
    return;
  }
  if (typeof Go !== "function") {
    fail("This page's app could not start: wasm_exec.js did not load.");
    return;
  }
  var go = new Go();
  fetch(url).then(function (r) {
    if (!r.ok) {
      throw new Error("HTTP " + r.status + " for " + url);
    }
    var type = (r.headers.get("Content-Type") || "").split(";")[0].trim();
    if (typeof WebAssembly.instantiateStreaming === "function" && type === "application/wasm") {
      return WebAssembly.instantiateStreaming(r, go.importObject);
    }
    return r.arrayBuffer().then(function (b) {
      return WebAssembly.instantiate(b, go.importObject);
    });
  }, function (err) {
    throw new Error("cannot fetch " + url + ": " + err);
  }).then(function (result) {
    return go.run(result.instance);
  }, function (err) {
    fail("This page's app could not be loaded: " + (err && err.message || err), err);
  }).catch(function (err) {
    fail("This page's app stopped with an error: " + (err && err.message || err), err);
  });
})(document.currentScript);

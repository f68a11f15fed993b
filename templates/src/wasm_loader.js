// The loader of a Go/WASM app (templates.WASMApp). It stands right after
// the app's <script src="wasm_exec.js" async> and reads the module's URL
// from its own data-wasm attribute.
//
// It starts the module's download and streaming compilation at once, while
// wasm_exec.js loads in parallel, so compiling overlaps the download and
// neither waits for the other; it instantiates when both are done and runs
// the program. User Timing marks "jivokit:wasm-compiled" and
// "jivokit:wasm-run" show the steps in the browser's performance tools.
(function (s) {
  "use strict";
  var url = s.getAttribute("data-wasm");
  var W = typeof WebAssembly === "object" ? WebAssembly : null;
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
  function text(err) {
    return (err && err.message) || String(err);
  }
  function mark(name) {
    try {
      performance.mark("jivokit:" + name);
    } catch (e) {
      // no User Timing: nothing to show
    }
  }
  if (!W || typeof W.instantiate !== "function" || typeof W.compile !== "function") {
    fail("This page needs WebAssembly, which this browser does not support or has disabled.");
    return;
  }

  // The module: fetched (from the preload when the page has one) and
  // compiled while its bytes arrive.
  var compiled = fetch(url, { credentials: "same-origin" }).then(function (r) {
    if (!r.ok) {
      throw new Error("HTTP " + r.status + " for " + url);
    }
    var type = (r.headers.get("Content-Type") || "").split(";")[0].trim();
    if (typeof W.compileStreaming === "function" && type === "application/wasm") {
      return W.compileStreaming(r);
    }
    return r.arrayBuffer().then(function (b) {
      return W.compile(b);
    });
  }, function (err) {
    throw new Error("cannot fetch " + url + ": " + err);
  });
  compiled.then(function () {
    mark("wasm-compiled");
  }, function () {});

  // wasm_exec.js: the script element just before the loader, loading
  // asynchronously, or a Go class the page already has.
  var exec = s.previousElementSibling;
  var execURL = exec && exec.tagName === "SCRIPT" ? exec.src : "";
  var goReady = new Promise(function (resolve, reject) {
    function check() {
      if (typeof Go === "function") {
        resolve();
        return true;
      }
      return false;
    }
    if (check()) {
      return;
    }
    function gone() {
      if (!check()) {
        reject(new Error("wasm_exec.js did not load" + (execURL ? " from " + execURL : "")));
      }
    }
    if (exec && execURL) {
      exec.addEventListener("load", gone);
      exec.addEventListener("error", gone);
    }
    // The element may have loaded or failed before the loader ran; the
    // window's load event comes after every script either way.
    if (document.readyState === "complete") {
      gone();
    } else {
      window.addEventListener("load", gone);
    }
  });

  Promise.all([compiled, goReady]).then(function (v) {
    var module = v[0];
    var go = new Go();
    var missing = missingImports(module, go.importObject);
    if (missing) {
      throw mismatch("it lacks " + missing);
    }
    return W.instantiate(module, go.importObject).then(function (instance) {
      return { go: go, instance: instance };
    }, function (err) {
      throw err instanceof W.LinkError ? mismatch(text(err)) : err;
    });
  }).then(function (app) {
    mark("wasm-run");
    return app.go.run(app.instance).catch(function (err) {
      fail("This page's app stopped with an error: " + text(err), err);
    });
  }, function (err) {
    fail("This page's app could not be loaded: " + text(err), err);
  });

  // missingImports names the first function the module imports that
  // wasm_exec.js does not provide, or returns "".
  function missingImports(module, imports) {
    if (typeof W.Module !== "function" || typeof W.Module.imports !== "function") {
      return "";
    }
    var list = W.Module.imports(module);
    for (var i = 0; i < list.length; i++) {
      var ns = imports[list[i].module];
      if (list[i].kind === "function" && (!ns || typeof ns[list[i].name] !== "function")) {
        return list[i].module + "." + list[i].name;
      }
    }
    return "";
  }
  function mismatch(detail) {
    return new Error("wasm_exec.js" + (execURL ? " (" + execURL + ")" : "") +
      " does not match the Go release that built " + url + " (" + detail + "). " +
      "Serve the wasm_exec.js of the Go toolchain that built the app, $(go env GOROOT)/lib/wasm/wasm_exec.js, " +
      "or build the app with `jivokit build`, whose manifest names the matching copy.");
  }
})(document.currentScript);

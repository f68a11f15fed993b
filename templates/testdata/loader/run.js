// Runs the WASM loader's inline script in Node with a minimal DOM and a
// fake fetch, and prints what it did as JSON: the alerts it showed, what it
// logged with console.error and console.log.
//
// usage: node run.js LOADER_JS WASM_EXEC_JS CASE [WASM_FILE]
"use strict";
const fs = require("fs");
const [loaderPath, execPath, kase, wasmPath] = process.argv.slice(2);
const out = { alerts: [], errors: [], logs: [] };

const origError = console.error, origLog = console.log;
console.error = (...a) => out.errors.push(a.map(String).join(" "));
console.log = (...a) => out.logs.push(a.map(String).join(" "));

function element(tag) {
  return {
    tag, attrs: {}, textContent: "", className: "", parentNode: null,
    setAttribute(k, v) { this.attrs[k] = String(v); },
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
  };
}
const body = element("body");
body.children = [];
body.firstChild = null;
body.contains = (n) => n.parentNode === body;
body.insertBefore = (n, ref) => {
  n.parentNode = body;
  body.children.splice(ref ? Math.max(body.children.indexOf(ref), 0) : body.children.length, 0, n);
  if (n.attrs.role === "alert") out.alerts.push({ text: n.textContent, className: n.className, beforeScript: ref === script });
};
const script = element("script");
script.attrs["data-wasm"] = "/app.wasm";
body.children.push(script);
script.parentNode = body;
globalThis.window = globalThis;
globalThis.document = {
  currentScript: script, body, readyState: "complete",
  createElement: element,
  addEventListener() {},
};

const wasm = wasmPath ? fs.readFileSync(wasmPath) : new Uint8Array([0, 1, 2, 3]);
const realWebAssembly = globalThis.WebAssembly;
switch (kase) {
  case "no-webassembly":
    delete globalThis.WebAssembly;
    break;
  case "no-streaming":
    globalThis.WebAssembly = Object.create(realWebAssembly, { instantiateStreaming: { value: undefined }, compileStreaming: { value: undefined } });
    break;
}
globalThis.fetch = async (url) => {
  out.fetched = url;
  switch (kase) {
    case "network-error": throw new TypeError("Failed to fetch");
    case "not-found": return new Response("no such file", { status: 404 });
    case "wrong-type": return new Response(wasm, { headers: { "Content-Type": "application/octet-stream" } });
    default: return new Response(wasm, { headers: { "Content-Type": "application/wasm" } });
  }
};

if (kase !== "no-go") {
  (0, eval)(fs.readFileSync(execPath, "utf8"));
}
if (kase === "old-exec") {
  // wasm_exec.js of another Go release: one import the app needs is missing.
  const Go = globalThis.Go;
  globalThis.Go = class extends Go {
    constructor() {
      super();
      delete this.importObject.gojs["runtime.walltime"];
    }
  };
}
if (kase === "link-error") {
  // The same, where the browser has no WebAssembly.Module.imports to check
  // first: instantiating fails with a LinkError.
  const Go = globalThis.Go;
  globalThis.Go = class extends Go {
    constructor() {
      super();
      delete this.importObject.gojs["runtime.walltime"];
    }
  };
  globalThis.WebAssembly = Object.create(realWebAssembly, { Module: { value: undefined } });
}
(0, eval)(fs.readFileSync(loaderPath, "utf8"));

// Nothing else keeps Node running: it exits once the loader is done.
process.on("exit", () => {
  console.error = origError;
  console.log = origLog;
  fs.writeSync(1, JSON.stringify(out));
});

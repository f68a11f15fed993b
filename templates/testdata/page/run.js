// Runs a rendered page's scripts in Node in document order, as a browser
// parses it, then loads a fake JivoChat widget, and prints as JSON the calls
// the widget received. Each element is added to the document before the
// next is parsed, so a script sees only what comes before it. Async
// scripts (the widget) run after the page is parsed; the WASM loader and
// wasm_exec.js are not run.
//
// usage: node run.js PAGE_JSON
// PAGE_JSON: {"elements": [{"attrs": {...}, "text": "..."}], "sources": {"/url": "js"}}
"use strict";
const fs = require("fs");
const vm = require("vm");

const page = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = { calls: [], errors: [] };
const byId = {};
let widgetLoads = 0;
const document = {
  currentScript: null,
  getElementById: (id) => byId[id] || null,
  querySelector: () => null,
  addEventListener() {},
  createElement: (tag) => ({ tag, setAttribute() {} }),
  // The loader adds the widget's script.
  head: { appendChild: (el) => el.src === page.widget && widgetLoads++ },
};
const sandbox = {
  console: { error: (...a) => out.errors.push(a.map(String).join(" ")), log() {} },
  // The loader's watchdog must not keep the process alive.
  setTimeout: (f, ms) => setTimeout(f, ms).unref(),
  clearTimeout,
  document,
};
const ctx = vm.createContext(sandbox);
const win = vm.runInContext("this", ctx);
win.window = win;

const run = (js, what) => {
  try {
    vm.runInContext(js, ctx, { filename: what });
  } catch (e) {
    out.errors.push(what + ": " + e);
  }
};
for (const el of page.elements) {
  const a = el.attrs;
  if (a.id) byId[a.id] = { textContent: el.text };
  if (a.type && a.type !== "text/javascript") continue; // a data block
  if ("data-wasm" in a) continue; // the WASM loader
  if (a.src) {
    if (a.src in page.sources) {
      if ("async" in a) setTimeout(() => run(page.sources[a.src], a.src), 0);
      else run(page.sources[a.src], a.src);
    } else if (a.src === page.widget) {
      widgetLoads++;
    }
    continue;
  }
  document.currentScript = { nonce: a.nonce || "", getAttribute: (k) => (k in a ? a[k] : null) };
  run(el.text, "inline script");
  document.currentScript = null;
}

// The widget loads after the page is parsed: it sets jivo_api and calls
// jivo_onLoadCallback.
setTimeout(() => {
  for (let i = 0; i < widgetLoads; i++) {
    const api = {};
    for (const name of ["setUserToken", "setContactInfo", "setCustomData", "setWidgetColor", "showProactiveInvitation"]) {
      api[name] = (...args) => (out.calls.push([name, ...args]), { result: "ok" });
    }
    win.jivo_api = api;
    if (typeof win.jivo_onLoadCallback === "function") win.jivo_onLoadCallback();
  }
  out.widgetLoads = widgetLoads;
  process.stdout.write(JSON.stringify(out));
}, 5);

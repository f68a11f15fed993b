// The jivokit stub widget: a fake JivoChat widget a page loads instead of
// the vendor's script, for development and tests. See docs/stub.md.

import { callbacks, methods } from "../../jsapi/runtime/src/methods.gen.js";
import { createControl } from "./control.js";
import { readOptions } from "./options.js";
import { createView } from "./render.js";
import { createWidget } from "./widget.js";

const win = typeof window !== "undefined" ? window : globalThis;
const doc = typeof document !== "undefined" ? document : null;

if (win.jivo_magic_var) {
  // The vendor's guard: a second copy does nothing while jivo_magic_var is set.
  if (win.console) win.console.warn("jivokit stub: loaded twice; the second copy does nothing");
} else if (win.jivokitStub) {
  // jivo_magic_var deleted (jivo_destroy, or a site that resets it after a
  // body swap): a new copy loads the widget again, as the vendor's does.
  const script = (doc && doc.currentScript) || null;
  win.jivokitStub.newCopy(script, (script && (script.src || script.getAttribute("src"))) || "");
} else {
  // The script finds its own element as the vendor's loader does.
  const script =
    (doc && (doc.currentScript || (typeof doc.querySelector === "function" && (doc.querySelector("script[jv-id]") || doc.querySelector("script[data-jv-id]"))))) || null;
  const { options, problems } = readOptions(script);
  // The loader reads the nonce with getAttribute, as the vendor's does: a
  // page whose CSP came in a header shows it none. The stub's own <style>
  // (the jivokit panel) takes the nonce property, so a page whose
  // style-src allows that nonce shows the panel styled.
  const attrNonce = (script && script.getAttribute("nonce")) || "";
  const styleNonce = (script && script.nonce) || attrNonce;
  const src = (script && (script.src || script.getAttribute("src"))) || "";
  const widget = createWidget(win, createView(doc, styleNonce), options, problems, methods, callbacks, src, attrNonce, script);
  win.jivokitStub = createControl(widget);
  widget.start();
}

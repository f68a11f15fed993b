// The jivokit stub widget: a fake JivoChat widget a page loads instead of
// the vendor's script, for development and tests. See docs/stub.md.

import { callbacks, methods } from "../../jsapi/runtime/src/methods.gen.js";
import { createControl } from "./control.js";
import { readOptions } from "./options.js";
import { createView } from "./render.js";
import { createWidget } from "./widget.js";

const win = typeof window !== "undefined" ? window : globalThis;
const doc = typeof document !== "undefined" ? document : null;

if (win.jivokitStub) {
  if (win.console) win.console.warn("jivokit stub: loaded twice; the second copy does nothing");
} else {
  const script = doc && doc.currentScript;
  const { options, problems } = readOptions(script);
  // The <style> element carries the script's CSP nonce, so a page whose
  // style-src allows that nonce shows the widget styled.
  const nonce = (script && (script.nonce || script.getAttribute("nonce"))) || "";
  const src = (script && script.src) || "";
  const widget = createWidget(win, createView(doc, nonce), options, problems, methods, callbacks, src, nonce);
  win.jivokitStub = createControl(widget);
  widget.start();
}

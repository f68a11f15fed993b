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
  const { options, problems } = readOptions(doc && doc.currentScript);
  const widget = createWidget(win, createView(doc), options, problems, methods, callbacks);
  win.jivokitStub = createControl(widget);
  widget.start();
}

// Measures what jivokit.call adds to a widget call once the widget has
// loaded, the Go bridge's hot path: the same two sync methods called
// directly on jivo_api, through jivokit.call by index, and by name. It runs
// in node's main realm (a vm context's global is far slower to reach than a
// browser's window) and prints one JSON line of nanoseconds per pair.
import vm from 'node:vm';
import { runtimeJS } from './page.mjs';

globalThis.window = globalThis;
const api = {
  getUnreadMessagesCount: () => 3,
  setWidgetColor: () => undefined,
};
vm.runInThisContext(runtimeJS);
globalThis.jivo_api = api;
globalThis.jivo_onLoadCallback();
const jk = globalThis.jivokit;
const n = Number(process.argv[2] || 2e6);
const i = jk.methods.findIndex((m) => m.name === 'getUnreadMessagesCount');
const j = jk.methods.findIndex((m) => m.name === 'setWidgetColor');

function time(f) {
  for (let k = 0; k < 1e5; k++) f(); // warm up
  const t = process.hrtime.bigint();
  for (let k = 0; k < n; k++) f();
  return Number(process.hrtime.bigint() - t) / n;
}

let sink = 0;
const out = {
  direct: time(() => (sink += window.jivo_api.getUnreadMessagesCount() + (window.jivo_api.setWidgetColor('#fff') === undefined))),
  index: time(() => (sink += jk.call(i) + jk.call(j, '#fff'))),
  name: time(() => (sink += jk.call('getUnreadMessagesCount') + jk.call('setWidgetColor', '#fff'))),
};
if (sink < 0) console.log(sink);
console.log(JSON.stringify(out));

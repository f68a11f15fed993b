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

// time answers the best of five rounds, as the machine may be busy.
function time(f) {
  for (let k = 0; k < 1e5; k++) f(); // warm up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t = process.hrtime.bigint();
    for (let k = 0; k < n / 5; k++) f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / (n / 5));
  }
  return best;
}

let sink = 0;
const out = {
  direct: time(() => {
    sink += window.jivo_api.getUnreadMessagesCount();
    if (window.jivo_api.setWidgetColor('#fff') === undefined) sink++;
  }),
  index: time(() => {
    sink += jk.call(i);
    if (jk.call(j, '#fff') === true) sink++;
  }),
  name: time(() => {
    sink += jk.call('getUnreadMessagesCount');
    if (jk.call('setWidgetColor', '#fff') === true) sink++;
  }),
};
if (sink < 0) console.log(sink);
console.log(JSON.stringify(out));

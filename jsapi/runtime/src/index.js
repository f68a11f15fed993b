// The page runtime: window.jivokit, as docs/runtime.md describes it.
import { methods, callbacks } from './methods.gen.js';
import { JivoError } from './error.js';
import { exec } from './answer.js';
import { own, def } from './fanout.js';

const w = window;

if (!w.jivokit) {
  const index = {};
  methods.forEach((d, i) => (index[d.name] = i));
  const subscribe = {};
  const checks = [];
  const queue = []; // [method, args, resolve, promise] of calls made before load
  const waiting = []; // ready()'s resolvers
  let loaded = false;
  let gone; // destroyed, not loaded since
  // bursts holds, per coalescing method's name while its window is open,
  // [method, args, resolve, promise, callers, held]: held holds the burst
  // itself while a call in the window waits for the window's end.
  const bursts = {};
  let found; // whether the configuration block was there
  let bad; // why the configuration block is unreadable, reported on load

  // read reads the configuration block, if the page has it yet.
  const read = () => {
    const el = w.document && w.document.getElementById('jivokit-config');
    if (el) {
      found = 1;
      try {
        jk.config = JSON.parse(el.textContent);
      } catch (e) {
        bad = e;
      }
    }
  };

  const report = (e, where) => {
    try {
      jk.onerror(e, where);
    } catch (_) {
      // a broken onerror must not break the widget's callbacks
    }
  };

  // apply calls a method for the configuration, reporting its failure.
  // An optional second argument that is not set is left out.
  const apply = (name, ...a) => {
    const r = exec(w, methods[index[name]], a[1] ? a : [a[0]]);
    if (r instanceof JivoError) report(r, 'config');
  };

  const onLoad = () => {
    if (loaded) return;
    loaded = true;
    gone = 0;
    // The block may come after the runtime on the page.
    if (!found) read();
    if (bad) report(bad, 'config');
    bad = 0;
    const c = jk.config || {};
    if (c.user_token) apply('setUserToken', c.user_token);
    if (c.contact_info) apply('setContactInfo', c.contact_info);
    if (c.custom_data) apply('setCustomData', c.custom_data);
    const col = c.widget_color;
    if (col) apply('setWidgetColor', col.color, col.color2);
    // Calls made while replaying queue behind the rest, keeping their order.
    while (loaded && queue.length) {
      const q = queue.shift();
      q[2](exec(w, q[0], q[1]));
    }
    const inv = c.invitation;
    if (loaded && inv) apply('showProactiveInvitation', inv.text, inv.department_id);
    // A replayed jivo_destroy leaves the widget unloaded: ready waits on.
    if (loaded) waiting.splice(0).forEach((r) => r());
  };

  // arm holds jivo_api in an accessor while the widget is not loaded, so
  // that the widget's assignment of it at load, before its
  // jivo_onLoadCallback, takes back every callback a page's declaration
  // replaced. The assignment makes it a plain global again, as fast as on
  // a page without jivokit.
  const arm = () => {
    const v = w.jivo_api;
    def(w, 'jivo_api', () => v, (x) => {
      delete w.jivo_api;
      w.jivo_api = x;
      enter();
    });
  };

  // enter takes back the callbacks the page replaced since.
  const enter = () => {
    checks.forEach((c) => c());
  };

  // pend puts q, a call to make later, in list (the queue, or a burst's
  // held: the coalesced call of a rate-limited method) and gives it its
  // promise. The
  // promise's withdraw() takes the call out of its list, so that it is
  // never made, and answers the promise with a JivoError; it answers
  // whether it could. A coalesced call shared by q[4] callers is withdrawn
  // only when the last of them withdraws.
  const pend = (q, list) => {
    list.push(q);
    const p = (q[3] = new Promise((r) => (q[2] = r)));
    p.withdraw = () => {
      const i = list.indexOf(q);
      return i >= 0 && !(--q[4] > 0) && !list.splice(i, 1)[0][2](new JivoError(q[0].name, 'withdrawn'));
    };
    return p;
  };

  // send makes the call now or queues it.
  const send = (d, a) =>
    (loaded && !queue.length) || d.immediate ? exec(w, d, a)
    : jk.lost ? jk.lost(d.name)
    : queue.length >= ((jk.config || 0).queue_limit || 100) ? new JivoError(d.name, 'queue full')
    : pend([d, a], queue);

  function call(m, ...a) {
    const d = methods[typeof m == 'number' ? m : index[m]];
    if (!d) return new JivoError(String(m), 'unknown method');
    if (!d.coalesce) return send(d, a);
    // A method the vendor rate-limits (setClientAttributes: 10 per hour and
    // visitor): one call goes at once, those to the same method within a
    // second after it are coalesced into one made when the second ends,
    // with the last one's arguments. Each such method has its own burst.
    const n = d.name;
    let b = bursts[n];
    if (b) return (b[1] = a), b[5][0] ? (b[4]++, b[3]) : ((b[4] = 1), pend(b, b[5]));
    b = bursts[n] = [d, a, 0, 0, 0, []];
    setTimeout(() => (delete bursts[n], b[5].pop() && b[2](send(d, b[1]))), 1000);
    return send(d, a);
  }

  const jk = {
    version: '1',
    methods,
    callbacks,
    JivoError,
    config: null,
    call,
    invoke: (...a) => Promise.resolve(call(...a)).then((r) => (r instanceof JivoError ? Promise.reject(r) : r)),
    on(name, f) {
      if (callbacks.indexOf(name) < 0 || typeof f != 'function') {
        throw new TypeError('jivokit.on: ' + (typeof f != 'function' ? 'listener is not a function' : 'unknown callback ' + name));
      }
      enter();
      return subscribe[name](f);
    },
    get loaded() {
      return loaded;
    },
    ready: () => new Promise((r) => (loaded ? r() : waiting.push(r))),
    // The loader (loader.js) replaces load, and phase while it holds the
    // widget's script back.
    get phase() {
      return loaded ? 'loaded' : gone ? 'destroyed' : 'loading';
    },
    // For the loader's watchdog (loader.js): the queue, and lost, which
    // it sets while the widget failed to load, the JivoError of a call.
    q: queue,
    onerror: (e, where) => console.error('jivokit: ' + where + ':', e),
  };
  jk.load = jk.ready;
  read();

  const hooks = {
    jivo_onLoadCallback: onLoad,
    jivo_onWidgetDestroy: () => ((loaded = false), (gone = 1), arm()),
  };
  for (const name of callbacks) subscribe[name] = own(w, name, hooks[name], report, enter, checks);
  // Installed only once every callback is owned.
  w.jivokit = jk;

  // Injected after the widget loaded: jivo_api is already there.
  const api = w.jivo_api;
  api && typeof api.open == 'function' ? onLoad() : arm();
}

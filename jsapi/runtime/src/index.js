// The page runtime: window.jivokit, as docs/runtime.md describes it.
import { methods, callbacks } from './methods.gen.js';
import { JivoError } from './error.js';
import { exec } from './answer.js';
import { own } from './fanout.js';

const w = window;

if (!w.jivokit) {
  const index = {};
  methods.forEach((d, i) => (index[d.name] = i));
  const subscribe = {};
  const queue = []; // [method, args, resolve] of calls made before load
  const waiting = []; // ready()'s resolvers
  let loaded = false;
  let config = null;
  let bad; // why the configuration block is unreadable, reported on load

  const el = w.document && w.document.getElementById('jivokit-config');
  if (el) {
    try {
      config = JSON.parse(el.textContent);
    } catch (e) {
      bad = e;
    }
  }
  const limit = config && config.queue_limit > 0 ? config.queue_limit : 100;

  const report = (e, where) => {
    try {
      jk.onerror(e, where);
    } catch (_) {
      // a broken onerror must not break the widget's callbacks
    }
  };

  // apply calls a method for the configuration, reporting its failure.
  const apply = (name, ...a) => {
    const r = exec(w, methods[index[name]], a);
    if (r instanceof JivoError) report(r, 'config');
  };

  const onLoad = () => {
    if (loaded) return;
    loaded = true;
    if (bad) report(bad, 'config'), (bad = null);
    const c = jk.config || {};
    if (c.user_token) apply('setUserToken', c.user_token);
    if (c.contact_info) apply('setContactInfo', c.contact_info);
    if (c.custom_data) apply('setCustomData', c.custom_data);
    const col = c.widget_color;
    if (col) col.color2 ? apply('setWidgetColor', col.color, col.color2) : apply('setWidgetColor', col.color);
    // Calls made while replaying queue behind the rest, keeping their order.
    while (loaded && queue.length) {
      const q = queue.shift();
      q[2](exec(w, q[0], q[1]));
    }
    const inv = c.invitation;
    if (loaded && inv) inv.department_id ? apply('showProactiveInvitation', inv.text, inv.department_id) : apply('showProactiveInvitation', inv.text);
    waiting.splice(0).forEach((r) => r());
  };

  function call(m, ...a) {
    const d = methods[typeof m == 'number' ? m : index[m]];
    if (!d) return new JivoError(String(m), 'unknown method');
    if ((loaded && !queue.length) || d.immediate) return exec(w, d, a);
    if (queue.length >= limit) return new JivoError(d.name, 'queue full');
    return new Promise((r) => queue.push([d, a, r]));
  }

  const jk = (w.jivokit = {
    version: '1',
    methods,
    callbacks,
    JivoError,
    config,
    call,
    invoke: (...a) =>
      Promise.resolve(call(...a)).then((r) => {
        if (r instanceof JivoError) throw r;
        return r;
      }),
    on(name, f) {
      if (callbacks.indexOf(name) < 0 || typeof f != 'function') {
        throw new TypeError('jivokit.on: ' + (typeof f != 'function' ? 'listener is not a function' : 'unknown callback ' + name));
      }
      return subscribe[name](f);
    },
    get loaded() {
      return loaded;
    },
    ready: () => (loaded ? Promise.resolve() : new Promise((r) => waiting.push(r))),
    onerror: (e, where) => console.error('jivokit: ' + where + ':', e),
  });

  const hooks = {
    jivo_onLoadCallback: onLoad,
    jivo_onWidgetDestroy: () => (loaded = false),
  };
  for (const name of callbacks) subscribe[name] = own(w, name, hooks[name], report);

  // Injected after the widget loaded: jivo_api is already there.
  if (w.jivo_api && typeof w.jivo_api.open == 'function') onLoad();
}

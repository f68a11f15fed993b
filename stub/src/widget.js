// The widget's life: loading after the delay, jivo_api appearing at load,
// state changes with their callbacks, jivo_destroy / jivo_init, and the
// recording of every call.

import { createApi } from "./api.js";
import { createLog, jsonSafe } from "./record.js";
import { freshState, minimized, pageState } from "./state.js";
import { checkTable } from "./table.js";
import { busy, fetchExtra } from "./weight.js";
import { createLoader, storage } from "./loader.js";
import { parseUtm } from "./api.js";

// HOUR is setClientAttributes' window: 10 calls per hour per visitor.
const HOUR = 3600 * 1000;

// createWidget returns the widget core. win is the window, view the
// renderer (render.js), table the generated method table.
// src and nonce are the stub's own script's, for its weight (weight.js)
// and its loader (loader.js); script is its element, when known.
export function createWidget(win, view, options, problems, methods, callbacks, src, nonce, script) {
  const s = freshState(options);
  const calls = createLog();
  const events = createLog();
  // phase: 'pending' (load scheduled), 'loaded', 'destroyed', 'never' (data-never-load)
  let phase = "never";
  let reloading = false; // jivo_init while loaded: the next load redraws
  let visitors = 0; // visitor numbers handed out in this page session
  let current = null; // the record of the call being made, for warn()
  // What the visitor's browser keeps across reloads (localStorage; in
  // memory for the page's life without it): setClientAttributes' calls of
  // the last hour and the first visit's UTM tags.
  const store = storage(win);
  let memory = { attrs: [], utm: null };
  const key = (name) => "jv_jivokit_" + name + "_" + w.loader.id;
  const readJSON = (name, def) => {
    const raw = store.get(key(name));
    if (raw === null) return memory[name] !== undefined && memory[name] !== null ? memory[name] : def;
    try {
      return JSON.parse(raw);
    } catch (e) {
      return def;
    }
  };
  const writeJSON = (name, v) => {
    memory[name] = v;
    store.set(key(name), JSON.stringify(v));
  };

  const w = {
    s,
    options,
    problems,
    calls,
    events,
    phase: () => phase,

    later(fn) {
      win.setTimeout(fn, 0);
    },

    search() {
      return (win.location && win.location.search) || "";
    },

    // warn notes ignored input on the call being recorded and in the console.
    warn(msg) {
      if (current) current.warning = current.warning ? current.warning + "; " + msg : msg;
      if (win.console) win.console.warn("jivokit stub: " + (current ? current.method + ": " : "") + msg);
    },

    attributeCalls() {
      const now = Date.now();
      const calls = readJSON("attrs", []).filter((t) => typeof t === "number" && t > now - HOUR && t <= now);
      return calls.length;
    },

    countAttributeCall() {
      const now = Date.now();
      writeJSON("attrs", readJSON("attrs", []).filter((t) => typeof t === "number" && t > now - HOUR).concat([now]));
    },

    // firstUtm is the UTM tags of the visitor's first visit: kept at the
    // first load, or the first call.
    firstUtm() {
      let utm = readJSON("utm", null);
      if (!utm || typeof utm !== "object") {
        utm = parseUtm(w.search());
        writeJSON("utm", utm);
      }
      return Object.assign({}, utm);
    },

    // forgetVisitor is clearHistory's part in the browser's storage.
    forgetVisitor() {
      memory = { attrs: [], utm: null };
      store.remove(key("attrs"));
      store.remove(key("utm"));
    },

    visitorNumber() {
      if (!s.visitorNumber) s.visitorNumber = ++visitors;
      return s.visitorNumber;
    },

    // fire calls the callback the page holds in the global now, as the real
    // widget does, so whatever owns the global (the page or the page
    // runtime) sees it.
    fire(name) {
      const args = Array.prototype.slice.call(arguments, 1);
      if (callbacks.indexOf(name) < 0) {
        if (win.console) win.console.error("jivokit stub: fires " + name + ", which the method table lacks");
      }
      const fn = win[name];
      events.push({ callback: name, args: jsonSafe(args), handled: typeof fn === "function", time: Date.now() });
      if (typeof fn !== "function") return;
      try {
        fn.apply(win, args);
      } catch (e) {
        if (win.console) win.console.error("jivokit stub: " + name + " threw", e);
      }
    },

    // setState moves the window to next: opening fires jivo_onOpen and
    // clears the unread count, closing fires jivo_onClose, and any change
    // fires jivo_onChangeState(next) after them.
    setState(next) {
      const prev = s.state;
      if (prev === next) return;
      s.state = next;
      // Opening and closing change the widget's size: jivo_onResizeCallback.
      if (minimized(prev) && !minimized(next)) {
        s.unread = 0;
        w.fire("jivo_onOpen");
        w.fire("jivo_onResizeCallback");
      } else if (!minimized(prev) && minimized(next)) {
        w.fire("jivo_onClose");
        w.fire("jivo_onResizeCallback");
      }
      w.fire("jivo_onChangeState", next);
    },

    changed() {
      view.draw(w);
    },

    loaded: () => phase === "loaded",

    // noLoad: the loader gave up (loader.js says why); nothing loads.
    noLoad() {
      phase = "never";
    },

    // load is what the bundle's inline script runs: jivo_api appears, the
    // widget is drawn, jivo_onLoadCallback is called.
    load() {
      if (phase === "loaded" && !reloading) return false;
      if (reloading) view.unmount();
      reloading = false;
      phase = "loaded";
      s.state = "label";
      const api = {};
      for (const m of methods) {
        if (!m.global && impl[m.name]) api[m.name] = record(m, impl[m.name]);
      }
      win.jivo_api = api;
      w.firstUtm();
      view.mount(w);
      w.fire("jivo_onLoadCallback");
      w.changed();
      return true;
    },

    // destroy removes the widget: jivo_api, its elements, what the page set
    // on it; the visitor's history stays. A pending load is cancelled.
    destroy() {
      if (phase === "pending") {
        loader.destroy();
        phase = "destroyed";
        return true;
      }
      if (phase !== "loaded") return false;
      phase = "destroyed";
      reloading = false;
      loader.destroy();
      try {
        delete win.jivo_api;
      } catch (e) {
        win.jivo_api = undefined;
      }
      if ("jivo_api" in win) win.jivo_api = undefined;
      Object.assign(s, pageState());
      view.unmount();
      w.fire("jivo_onWidgetDestroy");
      return true;
    },

    // init is jivo_init: it loads the widget again, destroyed or loaded
    // (a loaded one is redrawn and what the page set on it is reset, as a
    // fresh bundle has none of it); the visitor's history stays. A widget
    // that is loading, or that data-never-load keeps from loading, stays
    // as it is.
    init(copy) {
      // A new copy of the script (after jivo_destroy) loads what it names.
      if (copy && copy.script && phase !== "pending") loader.retarget(copy.script, copy.src);
      if (phase === "pending" || (phase === "never" && (options.neverLoad || options.failure === "invalid"))) return false;
      // The loader's first checks again: the id rule, WebSocket.
      if (!loader.begin()) return false;
      if (phase === "loaded") {
        reloading = true;
        Object.assign(s, pageState());
      } else phase = "pending";
      loader.again();
      return true;
    },
  };

  const loader = createLoader(win, win.document || null, w, script || null, src, nonce);
  w.loader = loader;
  const impl = createApi(w);
  w.tableCheck = checkTable(impl, methods, callbacks);

  // record wraps an implementation so that every call lands in the log with
  // JSON-safe copies of its arguments and answer. An async method's answer
  // is filled in when its callback is called.
  function record(entry, fn) {
    const async = entry.answer === "callback" || entry.answer === "errFirst";
    return function () {
      const args = Array.prototype.slice.call(arguments);
      const rec = calls.push({ method: entry.name, args: jsonSafe(args), result: null, time: Date.now() });
      if (async) {
        rec.pending = true;
        const last = args.length - 1;
        const cb = args[last];
        if (typeof cb === "function") {
          args[last] = function (a, b) {
            rec.pending = false;
            if (entry.answer === "errFirst") {
              rec.result = jsonSafe(b);
              if (a !== null && a !== undefined) rec.error = jsonSafe(a);
            } else {
              rec.result = jsonSafe(a);
            }
            w.changed();
            return cb.apply(this, arguments);
          };
        }
      }
      const outer = current;
      current = rec;
      let result;
      try {
        result = fn.apply(null, args);
      } catch (e) {
        rec.pending = false;
        rec.error = String((e && e.message) || e);
        throw e;
      } finally {
        current = outer;
        w.changed();
      }
      if (!async && result !== undefined) rec.result = jsonSafe(result);
      return result;
    };
  }

  // The globals exist from the start, as the vendor's script defines them
  // when it runs, before its initialization is over.
  for (const m of methods) {
    if (m.global && impl[m.name]) win[m.name] = record(m, impl[m.name]);
  }

  w.start = function () {
    if (!w.tableCheck.ok && win.console) win.console.error(w.tableCheck.message);
    for (const p of problems) if (win.console) win.console.error("jivokit stub: " + p);
    if (options.neverLoad) return (phase = "never");
    if (options.failure === "invalid") return w.noLoad("invalid-option");
    if (!loader.begin()) return;
    phase = "pending";
    if (options.extraBytes || options.busyMs) {
      // A real widget's weight: its bundle on the wire, its start-up work
      // on the main thread, then the load (unless destroyed meanwhile).
      fetchExtra(win.document, src, nonce, options.extraBytes, () =>
        busy(win, options.busyMs, () => {
          if (phase === "pending") loader.start();
        }),
      );
    } else loader.start();
  };

  return w;
}

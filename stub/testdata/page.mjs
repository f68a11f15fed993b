// A fake page for the stub's tests: a fresh vm context with a window, a
// fake document, a console that records, optionally the page runtime in
// front of the stub (as the Go test runs it a second time), and the stub
// loaded from its own <script> element. The Go test that runs these files
// (go test ./stub) writes the scripts from their Go constants to temporary
// files: JIVOKIT_STUB_JS names the stub's, JIVOKIT_STUB_RUNTIME the page
// runtime's when it runs in front.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { FakeDocument } from './fakedom.mjs';

if (!process.env.JIVOKIT_STUB_JS) throw new Error('JIVOKIT_STUB_JS names no file: run these tests with go test ./stub');
export const stubJS = readFileSync(process.env.JIVOKIT_STUB_JS, 'utf8');
export const withRuntime = !!process.env.JIVOKIT_STUB_RUNTIME;
const runtimeJS = withRuntime ? readFileSync(process.env.JIVOKIT_STUB_RUNTIME, 'utf8') : '';

// plain copies a value made inside the page's realm into this one, for
// deepEqual, which compares prototypes too.
export const plain = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));

// fakeClock replaces setTimeout: timers run only when advance() says so.
export function fakeClock() {
  let now = 0;
  let seq = 0;
  let timers = [];
  return {
    setTimeout(fn, ms) {
      timers.push({ id: ++seq, at: now + Math.max(0, Number(ms) || 0), fn });
      return seq;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
    now: () => now,
  };
}

// newPage loads the stub. Options: attrs (the script element's attributes),
// search (location.search), before(win) (page code that runs first),
// clock (a fakeClock), config (the text of the page runtime's
// configuration block), document: false (no document at all), body: false
// (the stub runs from <head> before <body> exists), storage (a
// FakeStorage shared by pages, as one browser's localStorage), blockInline
// (the iframe's inline script is refused, as a strict CSP refuses it),
// webSocket: false (a browser without WebSocket), userAgent, hostname,
// title, meta ({description, keywords}), readyState.
export function newPage({ attrs = {}, search = '', before, clock, config, document = true, body = true, storage, blockInline = false, webSocket = true, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120', hostname = 'shop.example', title = '', meta = {}, readyState, noCurrentScript = false, nonceProperty } = {}) {
  const logged = { error: [], warn: [] };
  const doc = document ? new FakeDocument({ body }) : undefined;
  const sandbox = {
    console: {
      error: (...a) => logged.error.push(a.map(String).join(' ')),
      warn: (...a) => logged.warn.push(a.map(String).join(' ')),
      log: () => {},
    },
    setTimeout: clock ? clock.setTimeout : setTimeout,
    clearTimeout: clock ? clock.clearTimeout : clearTimeout,
    location: { search, hostname, href: 'https://' + hostname + '/page' + search },
    navigator: { userAgent },
    localStorage: storage || new FakeStorage(),
  };
  if (webSocket) sandbox.WebSocket = function WebSocket() {};
  if (doc) sandbox.document = doc;
  const ctx = vm.createContext(sandbox);
  const win = vm.runInContext('this', ctx);
  win.window = win;
  // Window events: load, jBeforeunload, scroll, mousemove.
  const listeners = {};
  win.addEventListener = (type, fn) => (listeners[type] = listeners[type] || []).push(fn);
  win.removeEventListener = (type, fn) => {
    const l = listeners[type] || [];
    if (l.indexOf(fn) >= 0) l.splice(l.indexOf(fn), 1);
  };
  win.Event = function Event(type) {
    this.type = type;
  };
  win.dispatchEvent = (e) => {
    for (const fn of (listeners[e.type] || []).slice()) fn.call(win, e);
    return true;
  };
  const frames = [];
  if (doc) {
    doc.defaultView = win;
    doc.title = title;
    if (readyState) doc.readyState = readyState;
    for (const [name, content] of Object.entries(meta)) {
      const m = doc.createElement('meta');
      m.setAttribute('name', name);
      m.setAttribute('content', content);
      doc.head.appendChild(m);
    }
    doc.runInFrame = (code, frameWin) => {
      frames.push(code);
      if (blockInline) return;
      win.__frameWindow = frameWin;
      vm.runInContext('(function (window, parent) {' + code + '\n}).call(__frameWindow, __frameWindow, this)', ctx);
      delete win.__frameWindow;
    };
  }
  if (before) before(win);
  if (config !== undefined && doc) {
    const block = doc.createElement('script');
    block.setAttribute('type', 'application/json');
    block.id = 'jivokit-config';
    block.textContent = config;
    doc.head.appendChild(block);
  }
  if (runtimeJS) vm.runInContext(runtimeJS, ctx);
  let script = null;
  if (doc) {
    script = doc.createElement('script');
    script.setAttribute('src', '/jivokit/stub.js');
    for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
    // Under a header CSP a browser keeps the nonce in the property only.
    if (nonceProperty !== undefined) script.nonce = nonceProperty;
    doc.head.appendChild(script);
    doc.currentScript = noCurrentScript ? null : script;
  }
  vm.runInContext(stubJS, ctx);
  if (doc) doc.currentScript = null;
  const p = {
    win,
    doc,
    logged,
    stub: win.jivokitStub,
    api: () => win.jivo_api,
    eval: (code) => vm.runInContext(code, ctx),
    again: () => vm.runInContext(stubJS, ctx),
    // againWith runs a new copy of the script from a new element with attrs.
    againWith: (attrs) => {
      const s = doc.createElement('script');
      s.setAttribute('src', '/jivokit/stub.js');
      for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
      doc.head.appendChild(s);
      doc.currentScript = s;
      vm.runInContext(stubJS, ctx);
      doc.currentScript = null;
    },
    root: () => (doc ? doc.getElementById('jivokit-stub') : null),
    script,
    container: () => (doc ? doc.getElementById('jivo-iframe-container') : null),
    jdiv: () => (doc ? doc.getElementById('jivokit-stub-jdiv') : null),
    text: () => (p.root() ? p.root().textContent : ''),
    calls: () => plain(win.jivokitStub.calls()),
    // frames lists the inline scripts written into iframes, ran or refused.
    frames,
    // fire dispatches a window event (load, scroll, mousemove).
    fire: (type) => win.dispatchEvent(new win.Event(type)),
    storage: sandbox.localStorage,
    // fired lists the callbacks fired so far, by name.
    fired: () => plain(win.jivokitStub.events()).map((e) => e.callback),
  };
  return p;
}

// FakeStorage is a localStorage.
export class FakeStorage {
  constructor() {
    this.m = new Map();
  }
  getItem(k) {
    return this.m.has(String(k)) ? this.m.get(String(k)) : null;
  }
  setItem(k, v) {
    this.m.set(String(k), String(v));
  }
  removeItem(k) {
    this.m.delete(String(k));
  }
  keys() {
    return [...this.m.keys()];
  }
}

// waitFor polls pred on real timers until it holds, failing after a while.
export async function waitFor(pred, what = 'condition', ms = 3000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 1));
  }
}

// loadedPage makes a page and waits until the widget has loaded.
export async function loadedPage(opts) {
  const p = newPage(opts);
  await waitFor(() => p.stub.loaded(), 'the widget to load');
  return p;
}

// answer calls an async jivo_api method and resolves to its callback's arguments.
export function answer(p, method, ...args) {
  return new Promise((resolve) => p.api()[method](...args, (...res) => resolve(plain(res))));
}

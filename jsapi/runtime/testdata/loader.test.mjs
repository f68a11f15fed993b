// Tests of the loader (runtime.Loader) behind the runtime, in a vm context
// with a small fake document. The browser's side (the launcher, the
// network, real history) is tested in Chromium by the e2e package.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { runtimeJS, script } from './page.mjs';

const loaderJS = script('JIVOKIT_LOADER_JS');

// newPage runs the runtime and then the loader, whose element has attrs.
function newPage(attrs, { idle = true, ready = 'complete' } = {}) {
  const p = { added: [], errors: [], idles: [], listeners: {}, sent: [] };
  const el = (tag) => ({
    tag,
    attrs: {},
    setAttribute(k, v) {
      this.attrs[k] = String(v);
    },
    getAttribute(k) {
      return k in this.attrs ? this.attrs[k] : null;
    },
  });
  const me = el('script');
  Object.assign(me.attrs, attrs);
  me.nonce = 'N0nce';
  const doc = {
    readyState: ready,
    title: 'Home',
    currentScript: me,
    head: { firstChild: null, appendChild: (x) => p.added.push(x), insertBefore: (x, before) => p.added.push(x) && (p.firstInHead = x) },
    body: { appendChild: (x) => p.added.push(x) },
    createElement: el,
    getElementById: () => null,
    querySelector: () => null,
    addEventListener: (type, f) => (p.listeners[type] = f),
  };
  const loc = { href: 'https://shop.example/' };
  const hist = {
    pushState: (s, t, u) => (loc.href = new URL(u, loc.href).href),
    replaceState: (s, t, u) => (loc.href = new URL(u, loc.href).href),
  };
  const sandbox = {
    console: { error: () => {}, log: () => {} },
    setTimeout,
    clearTimeout,
    URL,
    document: doc,
    location: loc,
    history: hist,
    addEventListener: (type, f) => (p.listeners['window:' + type] = f),
  };
  if (idle) sandbox.requestIdleCallback = (f, o) => p.idles.push([f, o]);
  const ctx = vm.createContext(sandbox);
  p.win = vm.runInContext('this', ctx);
  p.win.window = p.win;
  vm.runInContext(runtimeJS, ctx);
  p.jk = p.win.jivokit;
  p.jk.onerror = (e, where) => p.errors.push(where + ': ' + e.message);
  vm.runInContext(loaderJS, ctx);
  p.scripts = () => p.added.filter((x) => x.tag == 'script');
  // load makes the widget appear, as its script does.
  p.load = () => {
    p.win.jivo_api = {
      open: () => (p.sent.push(['open']), { result: 'ok' }),
      sendPageTitle: (...a) => p.sent.push(['sendPageTitle', ...a]),
    };
    p.win.jivo_onLoadCallback();
  };
  p.ctx = ctx;
  p.loc = loc;
  p.doc = doc;
  return p;
}

test('consent: nothing is added until jivokit.load(); then the script, once, with the nonce and data-attrs', () => {
  const p = newPage({ 'data-load': 'consent', 'data-src': '/jivokit/stub.js', 'data-attrs': '{"data-load-delay":"5","data-offline":"true"}' });
  assert.equal(p.jk.strategy, 'consent');
  assert.equal(p.jk.phase, 'not-requested');
  assert.equal(p.scripts().length, 0);
  const ready = p.jk.load();
  assert.ok(ready instanceof p.win.Promise, 'load() answers ready()');
  p.jk.load();
  const s = p.scripts();
  assert.equal(s.length, 1);
  assert.equal(s[0].src, '/jivokit/stub.js');
  assert.equal(s[0].async, true);
  assert.equal(s[0].nonce, 'N0nce');
  assert.deepEqual({ ...s[0].attrs }, { 'data-load-delay': '5', 'data-offline': 'true' });
  assert.equal(p.jk.phase, 'loading');
  s[0].onerror();
  assert.deepEqual(p.errors, ['load: the widget script /jivokit/stub.js did not load']);
  p.load();
  assert.equal(p.jk.phase, 'loaded');
  p.win.jivo_onWidgetDestroy();
  assert.equal(p.jk.phase, 'destroyed');
});

test('a widget that loads while held (its script on the page after all) is loaded, and load() fetches nothing more', () => {
  const p = newPage({ 'data-load': 'interaction', 'data-src': '/w.js' });
  assert.equal(p.jk.phase, 'not-requested');
  p.load();
  assert.equal(p.jk.phase, 'loaded');
});

test('interaction: the launcher\'s style goes first in <head>, with the nonce, under the class selector', () => {
  const p = newPage({ 'data-load': 'interaction', 'data-src': '/w.js' });
  const st = p.firstInHead;
  assert.ok(st && st.tag == 'style', 'no style first in <head>');
  assert.equal(st.nonce, 'N0nce');
  // A class selector outranks a site's rules for every button; being first,
  // it yields to the site's own .jivokit-launcher rules.
  assert.match(st.textContent, /^\.jivokit-launcher\{/);
  assert.doesNotMatch(st.textContent, /:where\(/);
  assert.equal(p.scripts().length, 0);
});

test('idle: after the load event, in an idle period with a timeout; a timer without requestIdleCallback', async () => {
  const p = newPage({ 'data-load': 'idle', 'data-src': '/w.js', 'data-idle-timeout': '800' }, { ready: 'loading' });
  assert.equal(p.idles.length, 0, 'not before the load event');
  p.listeners['window:load']();
  assert.equal(p.idles.length, 1);
  assert.equal(p.idles[0][1].timeout, 800);
  assert.equal(p.scripts().length, 0);
  p.idles[0][0]({ timeRemaining: () => 10 });
  assert.equal(p.scripts().length, 1);

  const q = newPage({ 'data-load': 'idle', 'data-src': '/w.js' }, { idle: false });
  assert.equal(q.scripts().length, 0);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(q.scripts().length, 1, 'the fallback timer fetched it');
});

test('eager: the loader adds nothing and holds nothing', () => {
  const p = newPage({ 'data-load': 'eager', 'data-track-pages': '' });
  assert.equal(p.jk.phase, 'loading');
  p.jk.load();
  assert.equal(p.scripts().length, 0);
});

test('bad settings are reported: an unknown strategy loads at once, a missing data-src loads nothing, bad data-attrs are dropped', () => {
  const p = newPage({ 'data-load': 'later', 'data-src': '/w.js', 'data-attrs': '{bad' });
  assert.equal(p.errors.length, 2);
  assert.equal(p.errors[0], 'load: unknown loading strategy later; loading the widget now');
  assert.match(p.errors[1], /^load: .*JSON/, 'the JSON parser\'s message');
  assert.equal(p.scripts().length, 1);
  assert.deepEqual({ ...p.scripts()[0].attrs }, {});
  const q = newPage({ 'data-load': 'consent' });
  assert.deepEqual(q.errors, ['load: the loader has no data-src: nothing to load']);
});

test('a second loader on the page does nothing', () => {
  const p = newPage({ 'data-load': 'consent', 'data-src': '/w.js' });
  vm.runInContext(loaderJS, p.ctx);
  p.jk.load();
  assert.equal(p.scripts().length, 1);
});

test('track pages: one sendPageTitle per URL change after the quiet time, the title set after the change; queued before load', async () => {
  const p = newPage({ 'data-load': 'consent', 'data-src': '/w.js', 'data-track-pages': '', 'data-track-delay': '10' });
  const wait = () => new Promise((r) => setTimeout(r, 30));
  p.win.history.pushState({}, '', '/a');
  p.doc.title = 'A';
  await wait();
  p.load();
  p.win.history.replaceState({}, '', '/a');
  await wait();
  p.win.history.pushState({}, '', '/x');
  p.win.history.pushState({}, '', '/b');
  p.doc.title = 'B';
  await wait();
  p.loc.href = 'https://shop.example/b#top';
  p.listeners['window:hashchange']();
  await wait();
  assert.deepEqual(p.sent, [
    ['sendPageTitle', 'A', true, 'https://shop.example/a'],
    ['sendPageTitle', 'B', true, 'https://shop.example/b'],
    ['sendPageTitle', 'B', true, 'https://shop.example/b#top'],
  ]);
});

// Tests of the loader (runtime.Loader) behind the runtime, in a vm context
// with a small fake document. The browser's side (the launcher, the
// network, real history) is tested in Chromium by the e2e package.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { runtimeJS, script } from './page.mjs';

const loaderJS = script('JIVOKIT_LOADER_JS');

// newPage runs the runtime and then the loader, whose element has attrs.
function newPage(attrs, { idle = true, ready = 'complete', config, own = false, noBody = false } = {}) {
  const p = { added: [], errors: [], idles: [], listeners: {}, sent: [], events: [] };
  const el = (tag) => ({
    tag,
    attrs: {},
    setAttribute(k, v) {
      this.attrs[k] = String(v);
    },
    getAttribute(k) {
      return k in this.attrs ? this.attrs[k] : null;
    },
    removeAttribute(k) {
      delete this.attrs[k];
    },
    remove() {
      p.added = p.added.filter((x) => x !== this);
      this.parentNode = null;
    },
    replaceWith(x) {
      p.added[p.added.indexOf(this)] = x;
      x.parentNode = this.parentNode;
      this.parentNode = null;
    },
  });
  const add = (x) => p.added.push(x) && (x.parentNode = 'body');
  const me = el('script');
  Object.assign(me.attrs, attrs);
  me.nonce = 'N0nce';
  const doc = {
    readyState: ready,
    title: 'Home',
    currentScript: me,
    head: { firstChild: null, appendChild: (x) => p.added.push(x), insertBefore: (x, before) => p.added.push(x) && (p.firstInHead = x) },
    body: noBody ? null : { appendChild: add },
    createElement: el,
    getElementById: () => null,
    querySelector: (sel) => (own && sel == '[data-jivokit-launcher]' ? {} : null),
    addEventListener: (type, f) => (p.listeners[type] = f),
  };
  const loc = { href: 'https://shop.example/' };
  const hist = {
    pushState: (s, t, u) => (loc.href = new URL(u, loc.href).href),
    replaceState: (s, t, u) => (loc.href = new URL(u, loc.href).href),
  };
  const sandbox = {
    console: { error: () => {}, log: () => {} },
    // The watchdog's timer must not keep the test process alive.
    setTimeout: (f, ms) => {
      const t = setTimeout(f, ms);
      t.unref();
      return t;
    },
    clearTimeout,
    URL,
    CustomEvent,
    dispatchEvent: (e) => p.events.push(e),
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
  if (config) p.jk.config = config;
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

test('eager: the loader adds the script at once, with the nonce, and holds nothing', () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' });
  assert.equal(p.jk.phase, 'loading');
  assert.equal(p.scripts().length, 1);
  assert.equal(p.scripts()[0].nonce, 'N0nce');
  p.jk.load();
  assert.equal(p.scripts().length, 1);
  // An eager page whose widget script is in the HTML: the loader only tracks.
  const q = newPage({ 'data-load': 'eager', 'data-track-pages': '' });
  assert.equal(q.jk.phase, 'loading');
  q.jk.load();
  assert.equal(q.scripts().length, 0);
});

const later = (ms) => new Promise((r) => setTimeout(r, ms));

test('watchdog, timeout: phase failed, failure set, queued and later calls refused with it, the event, the fallback link; a late load undoes it', async () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: { load_timeout: 30, fallback: { url: 'mailto:help@shop.example', label: 'E-mail us' } } });
  const queued = p.jk.call('open');
  await later(10);
  assert.equal(p.jk.phase, 'loading', 'not before the timeout');
  assert.equal(p.jk.failure, null);
  await later(40);
  assert.equal(p.jk.phase, 'failed');
  assert.deepEqual({ ...p.jk.failure }, { reason: 'timeout', detail: 'not loaded within 30 ms' });
  const r = await queued;
  assert.ok(r instanceof p.jk.JivoError);
  assert.equal(r.reason, 'the widget did not load: timeout');
  assert.equal(r.failure, p.jk.failure);
  const now = p.jk.call('close');
  assert.ok(now instanceof p.jk.JivoError, 'a call after the failure is refused at once');
  await assert.rejects(p.jk.invoke('close'), /did not load: timeout/);
  assert.equal(p.events.length, 1);
  assert.equal(p.events[0].type, 'jivokit:failure');
  assert.equal(p.events[0].detail, p.jk.failure);
  assert.deepEqual(p.errors, ['load: the widget did not load: timeout: not loaded within 30 ms']);
  const link = p.added.find((x) => x.tag == 'a');
  assert.ok(link, 'no fallback link');
  assert.equal(link.href, 'mailto:help@shop.example');
  assert.equal(link.textContent, 'E-mail us');
  assert.equal(link.className, 'jivokit-launcher jivokit-fallback');
  assert.ok(p.added.some((x) => x.tag == 'style'), 'the link is styled');
  // The widget loads after all.
  p.load();
  assert.equal(p.jk.phase, 'loaded');
  assert.equal(p.jk.failure, null);
  assert.ok(!p.added.includes(link), 'the fallback link stays');
  assert.equal(p.jk.call('open'), true, 'calls work again');
  assert.equal(p.events.length, 1);
});

test('watchdog, script error: reported as script-error after a moment (a policy\'s report comes first)', async () => {
  const p = newPage({ 'data-load': 'consent', 'data-src': '/w.js' });
  p.jk.load();
  p.scripts()[0].onerror();
  assert.equal(p.jk.phase, 'loading');
  await later(70);
  assert.equal(p.jk.phase, 'failed');
  assert.deepEqual({ ...p.jk.failure }, { reason: 'script-error', detail: 'the widget script /w.js did not load' });
  assert.equal(p.added.filter((x) => x.tag == 'a').length, 0, 'no fallback configured, no link');
});

test('watchdog, CSP: a refused script of the widget\'s host or the vendor\'s fails it; inline, eval, images and other hosts do not', async () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': 'https://cdn.example/widget/w.js' });
  const v = p.listeners.securitypolicyviolation;
  v({ blockedURI: 'inline', effectiveDirective: 'script-src-elem' });
  v({ blockedURI: 'eval', effectiveDirective: 'script-src' });
  v({ blockedURI: 'https://code.jivosite.com/i.png', effectiveDirective: 'img-src' });
  v({ blockedURI: 'https://ads.example/x.js', effectiveDirective: 'script-src-elem' });
  // The site's own script on the widget's host, outside its folder.
  v({ blockedURI: 'https://cdn.example/app.js', effectiveDirective: 'script-src-elem' });
  assert.equal(p.jk.phase, 'loading');
  v({ blockedURI: 'https://cdn.example/widget/w.js', effectiveDirective: 'script-src-elem' });
  assert.equal(p.jk.phase, 'failed');
  assert.deepEqual({ ...p.jk.failure }, { reason: 'csp', detail: 'script-src-elem refused https://cdn.example/widget/w.js' });
  // The script's error that follows changes nothing.
  p.scripts()[0].onerror();
  await later(70);
  assert.equal(p.jk.failure.reason, 'csp');
  assert.equal(p.events.length, 1);

  const q = newPage({ 'data-load': 'eager', 'data-src': '/w.js' });
  q.listeners.securitypolicyviolation({ blockedURI: 'https://code.jivosite.com/js/bundle_en.js', effectiveDirective: 'script-src' });
  assert.equal(q.jk.failure.reason, 'csp', 'the vendor\'s bundle');
});

test('watchdog, launcher: the busy launcher becomes the fallback link; a javascript: fallback is never a link; own launchers get none', async () => {
  const cfg = { load_timeout: 20, fallback: { url: 'https://t.me/shop', label: 'Telegram' } };
  const p = newPage({ 'data-load': 'interaction', 'data-src': '/w.js' }, { config: cfg });
  const b = p.added.find((x) => x.tag == 'button');
  p.listeners.click({ target: { closest: () => b } });
  assert.equal(b.attrs['aria-busy'], 'true');
  await later(40);
  assert.equal(p.jk.phase, 'failed');
  assert.equal(b.attrs['aria-busy'], undefined, 'still busy');
  assert.ok(!p.added.includes(b), 'the button is still there');
  const link = p.added.find((x) => x.tag == 'a');
  assert.equal(link.href, 'https://t.me/shop');
  assert.equal(link.textContent, 'Telegram');

  const q = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: { load_timeout: 20, fallback: { url: ' JavaScript:alert(1)', label: 'x' } } });
  const o = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: cfg, own: true });
  await later(40);
  assert.equal(q.jk.phase, 'failed');
  assert.equal(q.added.filter((x) => x.tag == 'a').length, 0);
  assert.equal(o.jk.phase, 'failed');
  assert.equal(o.added.filter((x) => x.tag == 'a').length, 0, 'the page\'s own launchers handle the event');
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

test('watchdog, CSP: a report-only policy\'s reports fail nothing', () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': 'https://code.jivosite.com/widget/AbCdE12345' });
  const v = p.listeners.securitypolicyviolation;
  v({ blockedURI: 'https://code.jivosite.com/widget/AbCdE12345', effectiveDirective: 'script-src-elem', disposition: 'report' });
  v({ blockedURI: 'https://code.jivosite.com/js/bundle_en.js', effectiveDirective: 'script-src', disposition: 'report' });
  assert.equal(p.jk.phase, 'loading');
  assert.equal(p.jk.call('open') instanceof p.jk.JivoError, false, 'calls still queue');
  v({ blockedURI: 'https://code.jivosite.com/js/bundle_en.js', effectiveDirective: 'script-src', disposition: 'enforce' });
  assert.equal(p.jk.phase, 'failed');
});

test('watchdog, CSP: a widget script at the site root makes the site\'s own refused scripts no failure; its own URL and bundle do', () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': 'https://shop.example/w.js' });
  const v = p.listeners.securitypolicyviolation;
  v({ blockedURI: 'https://shop.example/app.js', effectiveDirective: 'script-src-elem' });
  v({ blockedURI: 'https://shop.example/w.js.map', effectiveDirective: 'script-src-elem' });
  assert.equal(p.jk.phase, 'loading', 'the site\'s own script is not the widget\'s');
  v({ blockedURI: 'https://shop.example/w.js', effectiveDirective: 'script-src-elem' });
  assert.equal(p.jk.phase, 'failed');
  const q = newPage({ 'data-load': 'eager', 'data-src': 'https://shop.example/w.js' });
  q.listeners.securitypolicyviolation({ blockedURI: 'https://shop.example/jivo/js/bundle_en.js', effectiveDirective: 'script-src-elem' });
  assert.equal(q.jk.failure.reason, 'csp', 'the vendor\'s bundle through the site');
});

test('watchdog: a load_timeout beyond the browser\'s timer waits as long as the timer can, not no time', async () => {
  const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: { load_timeout: 2 ** 40 } });
  await later(30);
  assert.equal(p.jk.phase, 'loading');
  assert.equal(p.jk.failure, null);
});

test('watchdog: a fallback URL that spells javascript: with tabs or newlines is never a link', async () => {
  for (const url of ['java\tscript:alert(1)', 'java\nscript:alert(1)', '\x01javascript:alert(1)', ' data:text/html,x']) {
    const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: { load_timeout: 10, fallback: { url, label: 'x' } } });
    await later(25);
    assert.equal(p.jk.phase, 'failed');
    assert.equal(p.added.filter((x) => x.tag == 'a').length, 0, JSON.stringify(url));
  }
  const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: { load_timeout: 10, fallback: { url: '/contact', label: 'Contact' } } });
  await later(25);
  assert.equal(p.added.find((x) => x.tag == 'a').href, '/contact', 'a path on the site is a link');
});

test('watchdog: a page still in its <head> hears the failure at once; the fallback link waits for the body', async () => {
  const cfg = { load_timeout: 10, fallback: { url: '/contact', label: 'Contact' } };
  const p = newPage({ 'data-load': 'eager', 'data-src': '/w.js' }, { config: cfg, noBody: true });
  await later(30);
  assert.equal(p.jk.phase, 'failed');
  assert.equal(p.events.filter((e) => e.type == 'jivokit:failure').length, 1, 'the event, before any body');
  assert.equal(p.added.filter((x) => x.tag == 'a').length, 0, 'no body yet');
  p.doc.body = { appendChild: (x) => p.added.push(x) && (x.parentNode = 'body') };
  p.listeners.DOMContentLoaded();
  assert.equal(p.added.filter((x) => x.tag == 'a').length, 1, 'the link once the body is there');
});

test('watchdog: a new load after a failure (the life script\'s reset or switch) puts the launcher back in place of the fallback link', async () => {
  const cfg = { load_timeout: 20, fallback: { url: 'https://t.me/shop', label: 'Telegram' } };
  const p = newPage({ 'data-load': 'interaction', 'data-src': '/w.js' }, { config: cfg });
  const b = p.added.find((x) => x.tag == 'button');
  p.listeners.click({ target: { closest: () => b } });
  await later(40);
  assert.equal(p.jk.phase, 'failed');
  assert.ok(!p.added.includes(b));
  p.jk.watch();
  assert.ok(p.added.includes(b), 'the launcher is back');
  assert.equal(p.added.filter((x) => x.tag == 'a').length, 0, 'the link is gone');
  assert.equal(p.jk.failure, null);
});

// Tests of the life script (runtime.Life) behind the runtime (and the
// loader), on a fake DOM with the vendor's elements: the widget's script
// in <head>, div#jivo-iframe-container holding iframe#jivo_container, and
// <jdiv> elements in the body. Chromium runs the same features on the stub
// widget in the e2e package.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { runtimeJS, script } from './page.mjs';
import { newDOM } from './dom.mjs';

const loaderJS = script('JIVOKIT_LOADER_JS');
const lifeJS = script('JIVOKIT_LIFE_JS');
const SRC = 'https://code.jivosite.com/widget/AbCdE12345';

// newPage builds a page: the configuration block (config, an object), the
// widget's script in <head> unless loader attributes are given (then the
// loader adds it), the runtime, the loader, and the life script with
// data-life (life).
function newPage({ config, loader, life, path, width, before, widget } = {}) {
  const dom = newDOM({ path, width });
  const { doc, win, el } = dom;
  const p = { dom, doc, win, calls: [], errors: [], unread: 3, mode: 'online' };
  if (config) el('script', { type: 'application/json', id: 'jivokit-config' }, doc.head).textContent = JSON.stringify(config);
  if (!loader) el('script', widget ? { src: widget.src, 'data-x': '1' } : { src: SRC, async: '' }, doc.head);
  el('script', {}, doc.head).textContent = 'window.jivokit || load("jivokit runtime")';
  p.main = el('main', {}, doc.body);
  p.main.textContent = 'page one';
  const rec = (name, answer) => (...a) => (p.calls.push([name, ...a]), typeof answer == 'function' ? answer(...a) : answer);
  win.jivo_destroy = () => {
    p.calls.push(['jivo_destroy']);
    delete win.jivo_magic_var;
    delete win.jivo_api;
    win.jivo_onWidgetDestroy();
    setTimeout(() => p.container && p.container.remove(), 10);
  };
  // load runs the widget as the vendor's does: its globals, its hidden
  // iframe container and visible <jdiv> elements, then the callback.
  p.load = () => {
    win.jivo_magic_var = 1;
    win.jivo_config = { widget_id: 'AbCdE12345' };
    p.container = el('div', { id: 'jivo-iframe-container' }, doc.body);
    p.iframe = el('iframe', { id: 'jivo_container' }, p.container);
    p.label = el('jdiv', { class: 'label_x' }, doc.body);
    win.jivo_api = {
      open: rec('open', () => (win.jivo_onOpen(), { result: 'ok' })),
      close: rec('close', () => (win.jivo_onClose(), { result: 'ok' })),
      chatMode: rec('chatMode', () => p.mode),
      getUnreadMessagesCount: rec('getUnreadMessagesCount', () => p.unread),
      clearHistory: rec('clearHistory', () => {
        throw new Error('storage is blocked');
      }),
      setContactInfo: rec('setContactInfo'),
      setCustomData: rec('setCustomData'),
      setUserToken: rec('setUserToken', (t) => ({ result: 'ok', token: t })),
      setWidgetColor: rec('setWidgetColor'),
      sendPageTitle: rec('sendPageTitle'),
    };
    win.jivo_onLoadCallback();
  };
  if (before) before(p);
  vm.runInContext(runtimeJS, dom.ctx);
  p.jk = win.jivokit;
  p.jk.onerror = (e, where) => p.errors.push(where + ': ' + e.message);
  if (loader) {
    doc.currentScript = el('script', loader, doc.head);
    vm.runInContext(loaderJS, dom.ctx);
  }
  const me = el('script', { 'data-jivokit': '' }, doc.body);
  if (life) me.setAttribute('data-life', JSON.stringify(life));
  if (widget) me.setAttribute('data-widget-src', widget.src), me.setAttribute('data-widget-attrs', JSON.stringify(widget.attrs));
  me.nonce = 'N0nce';
  doc.currentScript = me;
  vm.runInContext(lifeJS, dom.ctx);
  doc.currentScript = null;
  p.names = () => p.calls.map((c) => c[0]);
  p.hidden = () => doc.documentElement.getAttribute('data-jivokit-hidden');
  p.scripts = () => doc.head.querySelectorAll('script[src]').map((s) => s.src);
  return p;
}

test('life: hide and show stack their reasons; the widget comes back as it was', () => {
  const p = newPage();
  p.load();
  assert.equal(p.hidden(), null);
  assert.equal(p.jk.hide('modal'), true);
  assert.equal(p.jk.hide('route'), true);
  assert.equal(p.jk.hide('modal'), false, 'a reason already held is a no-op');
  assert.equal(p.hidden(), 'modal route');
  assert.equal(p.label.inert, true, 'hidden from the keyboard and assistive technology');
  assert.equal(p.jk.show('modal'), true);
  assert.equal(p.hidden(), 'route', 'still hidden for the other reason');
  assert.equal(p.jk.show('nothing'), false, 'a reason not held is a documented no-op');
  assert.equal(p.jk.show('route'), true);
  assert.equal(p.hidden(), null);
  assert.equal(p.label.inert, false);
  assert.equal(p.jk.hide(), true, 'the default reason is "page"');
  assert.deepEqual(Array.from(p.jk.hidden), ['page']);
  assert.ok(p.doc.head.querySelector('style').textContent.includes('html[data-jivokit-hidden] jdiv'));
  assert.equal(p.doc.head.querySelector('style').nonce, 'N0nce', 'the style carries the CSP nonce');
  assert.ok(!p.names().includes('jivo_destroy'), 'hiding does not end the chat');
});

test('life: a bad reason answers a JivoError and throws nothing', () => {
  const p = newPage();
  for (const bad of [5, '', 'has space', 'x'.repeat(33), {}]) {
    const r = p.jk.hide(bad);
    assert.ok(r instanceof p.jk.JivoError, String(bad));
    assert.match(r.message, /reason must be a word/);
  }
  assert.ok(p.jk.show(null) instanceof p.jk.JivoError);
  assert.equal(p.errors.length, 6);
  assert.equal(p.hidden(), null);
});

test('life: path rules hide before load and follow history', () => {
  const p = newPage({ path: '/checkout', life: { paths: ['/checkout/*', '/admin/*/edit'] } });
  assert.equal(p.hidden(), 'route', 'hidden before the widget loads: no flash');
  p.dom.win.history.pushState({}, '', '/shop');
  assert.equal(p.hidden(), null);
  p.dom.win.history.pushState({}, '', '/checkout/pay/2');
  assert.equal(p.hidden(), 'route');
  p.dom.win.history.replaceState({}, '', '/admin/7/edit');
  assert.equal(p.hidden(), 'route');
  p.dom.win.history.replaceState({}, '', '/admin/7');
  assert.equal(p.hidden(), null);
  p.dom.location.href = 'https://shop.example/checkout/x';
  p.dom.win.dispatchEvent(new p.dom.Event('popstate'));
  assert.equal(p.hidden(), 'route');
  // A rule's reason stacks with the page's own.
  p.jk.hide('modal');
  p.dom.win.history.pushState({}, '', '/');
  assert.equal(p.hidden(), 'modal');
});

test('life: a pattern that does not parse is reported and left out; the others apply', () => {
  const p = newPage({ path: '/admin/x', life: { paths: ['checkout', '/a b', '/admin/*'], below: -1 } });
  assert.equal(p.hidden(), 'route');
  assert.equal(p.errors.length, 1);
  assert.match(p.errors[0], /path pattern "checkout" must start with \//);
  assert.match(p.errors[0], /"\/a b"/);
  assert.match(p.errors[0], /below must be a width/);
  assert.ok(p.jk.rules('nope') instanceof p.jk.JivoError);
  assert.match(p.jk.rules({ paths: '/x' }).message, /paths must be a list/);
  assert.equal(p.jk.rules({ paths: ['/x'] }), true);
  assert.equal(p.hidden(), null, 'new rules replace the old');
});

test('life: below a viewport width, re-evaluated on resize', () => {
  const p = newPage({ width: 500, life: { below: 600 } });
  assert.equal(p.hidden(), 'viewport');
  p.win.innerWidth = 800;
  p.dom.win.dispatchEvent(new p.dom.Event('resize'));
  assert.equal(p.hidden(), null);
  p.win.innerWidth = 599;
  p.dom.win.dispatchEvent(new p.dom.Event('resize'));
  assert.equal(p.hidden(), 'viewport');
});

test('life: hidden while an element marked data-jivokit-hide is in the page (an open dialog)', () => {
  const p = newPage({ life: { elements: true } });
  p.load();
  const dlg = p.dom.el('dialog', { 'data-jivokit-hide': '' }, p.doc.body);
  assert.equal(p.hidden(), null, 'a closed dialog does not hide it');
  dlg.setAttribute('open', '');
  assert.equal(p.hidden(), 'element');
  dlg.removeAttribute('open');
  assert.equal(p.hidden(), null);
  const div = p.dom.el('div', { 'data-jivokit-hide': '' }, p.main);
  assert.equal(p.hidden(), 'element');
  div.remove();
  assert.equal(p.hidden(), null);
});

test('life: state follows the widget and is mirrored on every launcher', () => {
  const p = newPage();
  const a = p.dom.el('button', { 'data-jivokit-launcher': '' }, p.doc.body);
  const seen = [];
  const off = p.jk.onState((s) => seen.push(s));
  const events = [];
  p.doc.addEventListener('jivokit:state', (e) => events.push(e.detail));
  assert.deepEqual({ ...p.jk.state }, { phase: 'loading', open: false, online: false, unread: 0 });
  p.load();
  assert.deepEqual({ ...p.jk.state }, { phase: 'loaded', open: false, online: true, unread: 3 });
  assert.equal(a.getAttribute('data-jivokit-online'), 'true');
  assert.equal(a.getAttribute('data-jivokit-unread'), '3');
  p.unread = 4;
  p.win.jivo_onMessageReceived({ text: 'hi' });
  assert.equal(p.jk.state.unread, 4, 'from getUnreadMessagesCount');
  p.jk.call('open');
  assert.deepEqual({ ...p.jk.state }, { phase: 'loaded', open: true, online: true, unread: 0 });
  assert.equal(a.getAttribute('data-jivokit-open'), 'true');
  assert.equal(a.getAttribute('data-jivokit-unread'), '0', 'back to 0 on open');
  p.win.jivo_onMessageReceived({ text: 'read while open' });
  assert.equal(p.jk.state.unread, 0);
  p.mode = 'offline';
  p.win.jivo_onChangeState('chat');
  assert.equal(p.jk.state.online, false, 'from chatMode()');
  // A launcher that comes later is mirrored too.
  const b = p.dom.el('a', { 'data-jivokit-launcher': '' }, p.main);
  assert.equal(b.getAttribute('data-jivokit-online'), 'false');
  assert.equal(seen.length, events.length);
  assert.ok(seen.length >= 4);
  off();
  p.jk.call('close');
  assert.equal(seen.at(-1).open, true, 'an unsubscribed listener hears nothing more');
  assert.equal(events.at(-1).open, false);
  assert.throws(() => p.jk.onState('x'), { name: 'TypeError' });
  // A listener that throws is reported; the rest go on.
  p.jk.onState(() => {
    throw new Error('boom');
  });
  p.jk.call('open');
  assert.ok(p.errors.some((e) => /boom/.test(e)));
});

test('life: the vendor label stays hidden while a custom launcher is used and the chat is closed', () => {
  const p = newPage({ life: { launcher: true } });
  assert.equal(p.hidden(), null, 'no launcher on the page: the label shows');
  p.dom.el('button', { 'data-jivokit-launcher': '' }, p.doc.body);
  assert.equal(p.hidden(), 'launcher');
  p.load();
  p.jk.call('open');
  assert.equal(p.hidden(), null, 'the open chat shows');
  p.jk.call('close');
  assert.equal(p.hidden(), 'launcher');
});

test('life: reset for log-out clears the visitor, stays unloaded until load()', async () => {
  const p = newPage({ config: { user_token: 'ann' } });
  p.dom.store.set('jv_client_id', '1');
  p.dom.store.set('jv_loader_info_AbCdE12345', '{}');
  p.dom.store.set('__jivoLoader', 'code');
  p.dom.store.set('cart', '2');
  p.load();
  assert.deepEqual(p.names(), ['setUserToken', 'getUnreadMessagesCount', 'chatMode']);
  await p.jk.reset();
  assert.deepEqual(p.names().slice(3), ['clearHistory', 'jivo_destroy']);
  assert.ok(p.errors.some((e) => /clearHistory: storage is blocked/.test(e)), 'a failing clearHistory is reported, not thrown');
  assert.deepEqual([...p.dom.store.keys()], ['cart']);
  for (const g of ['jivo_magic_var', 'jivo_config', 'jivo_api']) assert.equal(p.win[g], undefined, g);
  assert.equal(p.doc.querySelectorAll('jdiv,#jivo-iframe-container').length, 0, 'the vendor DOM is gone');
  assert.deepEqual(p.scripts(), [], 'and its script');
  assert.equal(p.jk.phase, 'not-requested');
  assert.equal(p.jk.state.phase, 'not-requested');
  assert.equal(p.jk.config, null);
  // Nothing is fetched until load().
  const ready = p.jk.load();
  assert.deepEqual(p.scripts(), [SRC]);
  assert.equal(p.doc.head.querySelector('script[src]').nonce, 'N0nce');
  assert.equal(p.jk.phase, 'loading');
  p.calls.length = 0;
  p.load();
  await ready;
  assert.equal(p.jk.phase, 'loaded');
  assert.ok(!p.names().includes('setUserToken'), 'anonymous');
});

test('life: reset with load and a new config logs another visitor in', async () => {
  const p = newPage({ config: { user_token: 'ann' } });
  p.load();
  const ready = p.jk.reset({ load: true, config: { user_token: 'bob', contact_info: { name: 'Bob' } } });
  assert.equal(p.jk.phase, 'loading');
  assert.deepEqual(p.scripts(), [], 'not before the vendor took its container away');
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(p.scripts(), [SRC], 'loaded again');
  assert.equal(JSON.parse(p.doc.getElementById('jivokit-config').textContent).user_token, 'bob');
  p.calls.length = 0;
  p.load();
  await ready;
  assert.deepEqual(p.calls.slice(0, 2), [['setUserToken', 'bob'], ['setContactInfo', { name: 'Bob' }]]);
});

test('life: reset before anything was requested clears storage and fetches nothing', async () => {
  const p = newPage({ loader: { 'data-load': 'consent', 'data-src': SRC } });
  p.dom.store.set('jv_x', '1');
  assert.equal(p.jk.phase, 'not-requested');
  await p.jk.reset();
  assert.deepEqual(p.names(), []);
  assert.deepEqual([...p.dom.store.keys()], []);
  assert.equal(p.jk.phase, 'not-requested');
  assert.deepEqual(p.scripts(), []);
  p.jk.load();
  assert.deepEqual(p.scripts(), [SRC], 'the loader loads it once, as before');
});

test('life: switchWidget loads another id with the vendor id rule', async () => {
  const p = newPage({ config: { user_token: 'ann' } });
  p.dom.store.set('jv_client_id', '1');
  p.load();
  for (const bad of ['abc', '12345abc', 'AbCdE1234!', 'AbCdE123456', 7]) {
    const r = await p.jk.switchWidget(bad);
    assert.ok(r instanceof p.jk.JivoError, String(bad));
    assert.match(r.message, /Widget id is not valid/);
  }
  assert.equal(p.jk.phase, 'loaded', 'a refused id changes nothing');
  const done = p.jk.switchWidget('ZyXwV98765');
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(p.scripts(), ['https://code.jivosite.com/widget/ZyXwV98765']);
  assert.ok(!p.names().includes('clearHistory'), 'the visitor stays');
  assert.deepEqual([...p.dom.store.keys()], ['jv_client_id']);
  p.calls.length = 0;
  p.load();
  await done;
  assert.deepEqual(p.calls[0], ['setUserToken', 'ann'], 'the same configuration');
  p.jk.switchWidget('123', { contact_info: { name: 'X' } });
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(p.scripts(), ['https://code.jivosite.com/widget/123']);
});

// newBody makes the body of the next page, as htmx or Turbo hand it over.
function nextPage(p, { config, snippet = true, stale = true } = {}) {
  const b = p.doc.createElement('body');
  b.setAttribute('class', 'two');
  const m = p.dom.el('main', {}, b);
  m.textContent = 'page two';
  if (config) p.dom.el('script', { type: 'application/json', id: 'jivokit-config' }, b).textContent = JSON.stringify(config);
  if (snippet) {
    p.dom.el('script', { 'data-jivokit': '' }, b);
    p.dom.el('script', {}, b).textContent = 'window.jivokit || load("jivokit runtime")';
    p.dom.el('script', { id: 'site' }, b).textContent = 'count("jivokit")';
    p.dom.el('script', { src: SRC, async: '' }, b);
  }
  // A snapshot of an earlier page holds dead copies of the widget's DOM.
  if (stale) p.dom.el('jdiv', { class: 'label_x' }, b);
  return b;
}

test('life: an htmx body swap keeps the widget and applies the new page', () => {
  let ext;
  const p = newPage({
    config: { contact_info: { name: 'Ann' } },
    life: { paths: ['/private/*'] },
    before: (p) => (p.win.htmx = { defineExtension: (n, e) => (ext = [n, e]) }),
  });
  assert.equal(ext[0], 'jivokit');
  assert.equal(p.doc.documentElement.getAttribute('hx-ext'), 'jivokit');
  p.load();
  p.calls.length = 0;
  const { container, iframe, label } = p;
  const b = nextPage(p);
  const text = '<html><head><script type="application/json" id="jivokit-config">{"contact_info":{"name":"Bob"}}</script></head></html>';
  p.doc.dispatchEvent({ type: 'htmx:beforeSwap', detail: { target: p.doc.body, serverResponse: text } });
  const added = ext[1].handleSwap('innerHTML', p.doc.body, b);
  assert.equal(ext[1].handleSwap('outerHTML', p.doc.body, b), false, 'other swaps are htmx own');
  assert.deepEqual(Array.from(added, (n) => n.tagName), ['MAIN', 'SCRIPT']);
  const kids = p.doc.body.childNodes;
  assert.equal(kids[0].textContent, 'page two');
  assert.ok(kids.includes(container) && container.childNodes[0] === iframe && kids.includes(label), 'the same nodes, never moved');
  assert.equal(p.doc.querySelectorAll('jdiv').length, 1, 'no dead copy');
  assert.equal(p.doc.querySelectorAll('script[src]').length, 1, 'the widget script is not added again');
  assert.equal(p.doc.body.querySelectorAll('script').length, 1, 'nor the runtime the page ran');
  assert.equal(p.doc.body.querySelector('script').id, 'site', "the site's own script stays");
  p.dom.history.pushState({}, '', '/private/x');
  p.doc.title = 'Two';
  p.doc.dispatchEvent({ type: 'htmx:afterSettle', detail: { target: p.doc.body } });
  assert.deepEqual(p.calls, [['setContactInfo', { name: 'Bob' }], ['sendPageTitle', 'Two', true, 'https://shop.example/private/x']]);
  assert.equal(p.hidden(), 'route');
  // Back, from htmx's history cache: the page's block is remembered.
  p.calls.length = 0;
  p.dom.history.pushState({}, '', '/');
  p.doc.dispatchEvent({ type: 'htmx:historyRestore', detail: { path: '/' } });
  assert.deepEqual(p.calls[0], ['setContactInfo', { name: 'Ann' }]);
  assert.equal(p.calls.filter((c) => c[0] == 'sendPageTitle').length, 1);
});

test('life: a Turbo render keeps the widget; the block in the new body applies', async () => {
  const p = newPage({ config: { user_token: 'ann' } });
  p.load();
  p.calls.length = 0;
  const { container, label } = p;
  const b = nextPage(p, { config: { user_token: 'bob', custom_data: [{ content: 'vip' }] } });
  const e = { type: 'turbo:before-render', detail: { newBody: b, renderMethod: 'replace', render: () => assert.fail('default render') } };
  p.doc.dispatchEvent({ type: 'turbo:load' });
  assert.deepEqual(p.calls, [], 'the first load is not a navigation');
  p.doc.dispatchEvent(e);
  const r = e.detail.render(p.doc.body, b);
  assert.equal(p.doc.body.childNodes[0], p.main, 'Turbo clones the page it leaves a task later: the swap waits');
  await r;
  assert.equal(p.doc.body.getAttribute('class'), 'two', 'the new body attributes');
  assert.ok(p.doc.body.childNodes.includes(container) && p.doc.body.childNodes.includes(label));
  assert.equal(p.doc.querySelectorAll('script[data-jivokit]').length, 0, 'the new page\'s jivokit scripts are left out: they would do nothing');
  p.doc.dispatchEvent({ type: 'turbo:load' });
  assert.deepEqual(p.names(), ['setUserToken', 'setCustomData', 'sendPageTitle']);
  assert.equal(p.doc.querySelectorAll('script#jivokit-config').length, 1, 'one block');
  // Morphing is Turbo's own.
  const m = { type: 'turbo:before-render', detail: { newBody: b, renderMethod: 'morph', render: 1 } };
  p.doc.dispatchEvent(m);
  assert.equal(m.detail.render, 1);
});

test('life: with the loader tracking pages, a swap sends no second page title', async () => {
  const p = newPage({ loader: { 'data-load': 'idle', 'data-src': SRC, 'data-track-pages': '' } });
  p.load();
  p.calls.length = 0;
  const e = { type: 'turbo:before-render', detail: { newBody: nextPage(p), renderMethod: 'replace' } };
  p.doc.dispatchEvent(e);
  await e.detail.render(p.doc.body, e.detail.newBody);
  p.doc.dispatchEvent({ type: 'turbo:load' });
  assert.ok(!p.names().includes('sendPageTitle'));
});

test('life: loading twice does nothing the second time', () => {
  const p = newPage();
  const hide = p.jk.hide;
  vm.runInContext(lifeJS, p.dom.ctx);
  assert.equal(p.jk.hide, hide);
  assert.equal(p.doc.head.querySelectorAll('style').length, 1);
});

test('life: the snippet names a widget script the vendor rule does not know (the stub)', async () => {
  const src = 'https://shop.example/jivokit/stub.js';
  const p = newPage({ widget: { src, attrs: { 'data-x': '1' } } });
  p.load();
  const done = p.jk.reset({ load: true });
  await new Promise((r) => setTimeout(r, 30));
  const s = p.doc.head.querySelector('script[src]');
  assert.equal(s.src, src);
  assert.equal(s.getAttribute('data-x'), '1');
  p.load();
  await done;
  const b = nextPage(p, { snippet: false });
  p.dom.el('script', { src }, b);
  const e = { type: 'turbo:before-render', detail: { newBody: b, renderMethod: 'replace' } };
  p.doc.dispatchEvent(e);
  await e.detail.render(p.doc.body, b);
  assert.equal(p.doc.body.querySelectorAll('script').length, 0, 'the stub is not run again');
});

test('life: a switch before anything was requested changes the id only; load() fetches the new one', async () => {
  const p = newPage({ loader: { 'data-load': 'consent', 'data-src': SRC } });
  await p.jk.switchWidget('ZyXwV98765');
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(p.scripts(), [], 'no consent, no fetch');
  assert.equal(p.jk.phase, 'not-requested');
  const ready = p.jk.load();
  assert.deepEqual(p.scripts(), ['https://code.jivosite.com/widget/ZyXwV98765'], 'the new id, and not the old one too');
  assert.equal(p.jk.phase, 'loading');
  p.load();
  await ready;
  assert.equal(p.jk.phase, 'loaded');
});

test('life: a Turbo morph keeps the widget nodes out of it and applies the block', () => {
  const p = newPage({ config: { contact_info: { name: 'Ann' } } });
  p.load();
  p.calls.length = 0;
  const keep = { type: 'turbo:before-morph-element', target: p.label, cancelable: true, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  p.doc.dispatchEvent(keep);
  assert.equal(keep.defaultPrevented, true, 'a widget element is not morphed or removed');
  const other = { ...keep, target: p.main, defaultPrevented: false };
  p.doc.dispatchEvent(other);
  assert.equal(other.defaultPrevented, false, "the page's own elements are Turbo's");
  p.doc.getElementById('jivokit-config').textContent = JSON.stringify({ contact_info: { name: 'Ann B.' } });
  p.doc.dispatchEvent({ type: 'turbo:morph' });
  assert.deepEqual(p.calls, [['setContactInfo', { name: 'Ann B.' }]], 'no page title: the page is the same');
});

test('life: path patterns match as globs, in linear time on hostile patterns and long paths', () => {
  const cases = [
    ['/checkout/*', '/checkout', true],
    ['/checkout/*', '/checkout/', true],
    ['/checkout/*', '/checkout/pay/2', true],
    ['/checkout/*', '/checkoutx', false],
    ['/checkout/*', '/check', false],
    ['/admin/*/edit', '/admin/7/edit', true],
    ['/admin/*/edit', '/admin/a/b/edit', true],
    ['/admin/*/edit', '/admin/7/editx', false],
    ['/admin/*/edit', '/admin/edit', false],
    ['/a*b*c', '/aXbYc', true],
    ['/a*b*c', '/abcbc', true],
    ['/a*b*c', '/acb', false],
    ['/*', '/', true],
    ['/*', '/anything/at/all', true],
    ['/exact', '/exact', true],
    ['/exact', '/exact/', false],
    ['/a.b', '/aXb', false],
    ['/a.b', '/a.b', true],
    ['/(x)+[y]', '/(x)+[y]', true],
    ['/**/end', '/x/y/end', true],
  ];
  for (const [pat, path, hidden] of cases) {
    const p = newPage({ path, life: { paths: [pat] } });
    assert.equal(p.hidden(), hidden ? 'route' : null, pat + ' against ' + path);
  }
  // Patterns that make a RegExp of .* runs backtrack for seconds to
  // minutes on a long path: each matches at once. The vm's timeout stops
  // a matcher that backtracks; the linear one is done in microseconds.
  const long = '/' + 'a/'.repeat(200);
  for (const pat of ['/*/*/*/*/*/edit', '/*a*a*a*a*a*a*a*a*b', '/' + '*/'.repeat(30) + 'x']) {
    const p = newPage({ path: '/', life: { paths: [pat] } });
    vm.runInContext('history.pushState({}, "", ' + JSON.stringify(long) + ')', p.dom.ctx, { timeout: 5000 });
    assert.equal(p.hidden(), null, pat);
    vm.runInContext('history.pushState({}, "", ' + JSON.stringify(long + 'edit') + ')', p.dom.ctx, { timeout: 5000 });
  }
  const p = newPage({ path: '/', life: { paths: ['/*/*/*/*/*/edit'] } });
  vm.runInContext('history.pushState({}, "", ' + JSON.stringify(long + 'edit') + ')', p.dom.ctx, { timeout: 5000 });
  assert.equal(p.hidden(), 'route');
});

const later = (ms) => new Promise((r) => setTimeout(r, ms));
const widgetScripts = (p) => p.doc.head.querySelectorAll('script[src]').filter((s) => /\/widget\//.test(s.src));

test('life: a switch after load is watched as the first load: its script fails, the phase, state and launchers say "failed", calls are refused', async () => {
  const p = newPage({ loader: { 'data-load': 'eager', 'data-src': SRC } });
  const a = p.dom.el('button', { 'data-jivokit-launcher': '' }, p.doc.body);
  const seen = [];
  p.jk.onState((s) => seen.push(s.phase));
  p.load();
  p.jk.switchWidget('ZzZzZ12345');
  const queued = p.jk.call('open');
  await later(40);
  const s = widgetScripts(p);
  assert.equal(s.length, 1);
  assert.match(s[0].src, /ZzZzZ12345$/);
  assert.equal(typeof s[0].onerror, 'function', 'the new script is watched');
  s[0].onerror();
  await later(80);
  assert.equal(p.jk.phase, 'failed');
  assert.equal(p.jk.failure.reason, 'script-error');
  const r = await queued;
  assert.ok(r instanceof p.jk.JivoError, 'the queued call is refused');
  assert.ok(p.jk.call('open') instanceof p.jk.JivoError);
  assert.equal(p.jk.state.phase, 'failed', 'jivokit.state says failed');
  assert.equal(seen.at(-1), 'failed');
  assert.equal(a.getAttribute('data-jivokit-phase'), 'failed');
});

test('life: a reset that loads again is watched: it times out as the first load would', async () => {
  const p = newPage({ config: { load_timeout: 30 }, loader: { 'data-load': 'eager', 'data-src': SRC } });
  p.load();
  p.jk.reset({ load: true, config: { load_timeout: 30 } });
  await later(120);
  assert.equal(p.jk.phase, 'failed');
  assert.equal(p.jk.failure.reason, 'timeout');
});

test('life: a switch or reset after a failure forgets it: calls queue again, the phase is loading', async () => {
  const p = newPage({ config: { load_timeout: 20 }, loader: { 'data-load': 'eager', 'data-src': SRC } });
  await later(60);
  assert.equal(p.jk.phase, 'failed');
  assert.ok(p.jk.call('open') instanceof p.jk.JivoError);
  p.jk.switchWidget('ZzZzZ12345', { load_timeout: 5000 });
  assert.equal(p.jk.phase, 'loading');
  assert.equal(p.jk.failure, null);
  const q = p.jk.call('open');
  assert.ok(!(q instanceof p.jk.JivoError), 'queued, not refused');
  await later(40);
  p.load();
  assert.equal(await q, true, 'made on load');
  // A reset that does not load leaves no failure and no timer either.
  const r = newPage({ config: { load_timeout: 20 }, loader: { 'data-load': 'eager', 'data-src': SRC } });
  await later(60);
  assert.equal(r.jk.phase, 'failed');
  r.jk.reset();
  assert.equal(r.jk.phase, 'not-requested');
  assert.equal(r.jk.failure, null);
  assert.ok(!(r.jk.call('open') instanceof r.jk.JivoError), 'queued again');
});

test('life: two resets with load while loading add the widget script once', async () => {
  const p = newPage({ loader: { 'data-load': 'eager', 'data-src': SRC } });
  p.jk.reset({ load: true });
  p.jk.reset({ load: true });
  await later(60);
  assert.equal(widgetScripts(p).length, 1);
});

test('life: a listener that changes the state is heard after it; every listener ends with the newest state', () => {
  const p = newPage();
  p.load();
  const heard = [];
  p.jk.onState((s) => s.open && p.jk.call('close'));
  p.jk.onState((s) => heard.push(s.open));
  const events = [];
  p.doc.addEventListener('jivokit:state', (e) => events.push(e.detail.open));
  p.jk.call('open');
  assert.deepEqual(heard, [true, false], 'in order, the newest last');
  assert.deepEqual(events, [true, false]);
  assert.equal(p.jk.state.open, false);
});

test('life: hostile arguments answer a JivoError, never throw', async () => {
  const p = newPage();
  p.load();
  const cyclic = {};
  cyclic.self = cyclic;
  const trap = () => {
    throw new Error('trap');
  };
  const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });
  const hostile = [10n, cyclic, proxy, { toJSON: trap }, Symbol('s'), 'x'.repeat(1e5)];
  for (const x of hostile) {
    assert.ok(p.jk.hide(x) instanceof p.jk.JivoError, 'hide ' + typeof x);
    assert.ok(p.jk.show(x) instanceof p.jk.JivoError, 'show ' + typeof x);
    assert.ok((await p.jk.switchWidget(x)) instanceof p.jk.JivoError, 'switchWidget ' + typeof x);
    assert.ok(p.jk.rules({ paths: [x] }) instanceof p.jk.JivoError, 'rules paths ' + typeof x);
    assert.ok(p.jk.rules({ below: x }) instanceof p.jk.JivoError, 'rules below ' + typeof x);
  }
  assert.ok(p.jk.rules(proxy) instanceof p.jk.JivoError, 'rules of a Proxy');
  for (const e of p.errors) assert.ok(e.length < 400, 'a short message: ' + e.slice(0, 80));
  assert.equal(p.jk.phase, 'loaded', 'nothing was torn down');
});

test('life: a reset or switch with a configuration that is not JSON tears nothing down and answers a JivoError', async () => {
  const p = newPage();
  p.load();
  const cyclic = {};
  cyclic.self = cyclic;
  for (const o of [{ load: true, config: cyclic }, { config: { n: 10n } }, new Proxy({}, { get: () => { throw new Error('trap'); } })]) {
    const r = await p.jk.reset(o);
    assert.ok(r instanceof p.jk.JivoError, String(r));
    assert.match(r.message, /cannot be read as JSON/);
  }
  const r = await p.jk.switchWidget('ZzZzZ12345', cyclic);
  assert.ok(r instanceof p.jk.JivoError);
  assert.ok(!p.names().includes('jivo_destroy'), 'the widget was not torn down');
  assert.equal(p.jk.phase, 'loaded');
  assert.equal(p.scripts()[0], SRC);
});

test('life: an all-digits id of any length is the vendor\'s: it loads', async () => {
  const p = newPage();
  p.load();
  const id = '1'.repeat(1e5);
  p.jk.switchWidget(id);
  await later(40);
  assert.ok(p.scripts().some((s) => s.endsWith('/widget/' + id)));
});

test('life: a late error of the script a switch ended does not fail the next load', async () => {
  const p = newPage({ loader: { 'data-load': 'eager', 'data-src': SRC } });
  const old = widgetScripts(p)[0];
  assert.equal(typeof old.onerror, 'function', 'the first load is watched');
  p.jk.switchWidget('ZzZzZ12345');
  if (old.onerror) old.onerror();
  await later(90);
  assert.equal(p.jk.phase, 'loading');
  assert.equal(p.jk.failure, null);
});

test('life: switchWidget on a widget script that names no id refuses, and changes nothing', async () => {
  const p = newPage({ loader: { 'data-load': 'consent', 'data-src': '/assets/chat.js' } });
  p.jk.load();
  p.load();
  const r = await p.jk.switchWidget('ZyXwV98765');
  assert.ok(r instanceof p.jk.JivoError);
  assert.match(r.message, /names no id/);
  assert.equal(p.jk.phase, 'loaded', 'still the widget it was');
  assert.ok(!p.calls.some((c) => c[0] == 'jivo_destroy'), 'not torn down');
});

// Loading, options, jivo_destroy / jivo_init, the method-table check.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fakeClock, loadedPage, newPage, plain, waitFor, withRuntime } from './page.mjs';
import { callbacks, methods } from '../../jsapi/runtime/src/methods.gen.js';

test('jivokitStub exists at once; jivo_api appears at load, on the next tick, and jivo_onLoadCallback is called then', async () => {
  let sawApi = null;
  const p = newPage({
    before: (win) => {
      win.jivo_onLoadCallback = () => (sawApi = typeof win.jivo_api);
    },
  });
  assert.equal(typeof p.stub, 'object');
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.win.jivo_api, undefined, 'no jivo_api before load');
  assert.equal(typeof p.win.jivo_init, 'function');
  assert.equal(typeof p.win.jivo_destroy, 'function');
  assert.equal(p.root(), null, 'nothing drawn before load');
  await waitFor(() => p.stub.loaded(), 'load');
  assert.equal(sawApi, 'object', 'jivo_api is there when jivo_onLoadCallback runs');
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
  assert.equal(p.root().getAttribute('data-state'), 'label');
  assert.deepEqual(plain(p.stub.options), { loadDelay: 0, extraBytes: 0, busyMs: 0, offline: false, callbacksDisabled: false, neverLoad: false, strict: false, offlineMessage: 'form', locale: 'en', failure: '', bundleWait: false, cached: false, fast: false, inPage: false, stopWords: [] });
  assert.deepEqual(p.logged.error, []);
});

test('the callback is read from the global at call time', async () => {
  const p = await loadedPage();
  const seen = [];
  p.win.jivo_onOpen = () => seen.push('first');
  p.api().open();
  p.api().close();
  p.win.jivo_onOpen = () => seen.push('second');
  p.api().open();
  assert.deepEqual(seen, ['first', 'second']);
  const q = await loadedPage();
  q.api().open();
  assert.deepEqual(q.fired(), ['jivo_onLoadCallback', 'jivo_onOpen', 'jivo_onResizeCallback', 'jivo_onChangeState'], 'no listener is fine');
  if (!withRuntime) assert.equal(plain(q.stub.events())[1].handled, false);
});

test('a throwing callback is reported and the widget goes on', async () => {
  const p = await loadedPage();
  p.win.jivo_onOpen = () => {
    throw new Error('page bug');
  };
  assert.deepEqual(plain(p.api().open()), { result: 'ok' });
  assert.equal(p.stub.state(), 'chat');
  if (!withRuntime) assert.match(p.logged.error.join('\n'), /jivo_onOpen threw/);
});

test('the implementation matches the method table exactly', async () => {
  const p = await loadedPage();
  assert.equal(p.stub.tableCheck.ok, true, p.stub.tableCheck.message);
  const want = methods.filter((m) => !m.global).map((m) => m.name).sort();
  assert.deepEqual(Object.keys(p.api()).sort(), want);
  for (const m of methods.filter((m) => m.global)) assert.equal(typeof p.win[m.name], 'function', m.name);
  assert.ok(callbacks.length > 0);
});

test('data-load-delay delays the load, before the three requests and their latency', async () => {
  const clock = fakeClock();
  const p = newPage({ clock, attrs: { 'data-load-delay': '250' } });
  assert.equal(p.stub.options.loadDelay, 250);
  clock.advance(250 + 3 * 20 - 1);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.win.jivo_api, undefined);
  clock.advance(1);
  assert.equal(p.stub.loaded(), true);
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
});

test('a bad data-load-delay is reported loudly and replaced by 0', async () => {
  for (const v of ['-5', 'soon', '1.5', '99999999']) {
    const p = newPage({ attrs: { 'data-load-delay': v } });
    assert.equal(p.stub.options.loadDelay, 0, v);
    assert.match(p.logged.error.join('\n'), /data-load-delay=.* is not a whole number of milliseconds/, v);
    assert.equal(p.stub.problems.length, 1);
    await waitFor(() => p.stub.loaded(), 'load');
    assert.match(p.text(), /is not a whole number of milliseconds/, 'shown in the widget');
  }
});

test('data-offline and data-callbacks-disabled', async () => {
  const p = await loadedPage({ attrs: { 'data-offline': '', 'data-callbacks-disabled': 'true' } });
  assert.equal(p.api().chatMode(), 'offline');
  assert.deepEqual(plain(p.api().startCall('+14084987855')), { result: 'fail', reason: 'Callback disabled' });
  assert.deepEqual(await new Promise((r) => p.api().isCallbackEnabled((res) => r(plain(res)))), { result: 'fail', reason: 'Callback disabled' });
  p.stub.setCallbacksEnabled(true);
  assert.deepEqual(plain(p.api().startCall('+14084987855')), { result: 'ok' });
  const q = await loadedPage({ attrs: { 'data-offline': 'false', 'data-callbacks-disabled': '0' } });
  assert.equal(q.api().chatMode(), 'online', '"false" turns a flag off');
  assert.deepEqual(plain(q.stub.options), { loadDelay: 0, extraBytes: 0, busyMs: 0, offline: false, callbacksDisabled: false, neverLoad: false, strict: false, offlineMessage: 'form', locale: 'en', failure: '', bundleWait: false, cached: false, fast: false, inPage: false, stopWords: [] });
});

test('data-never-load: the widget never loads until jivokitStub.load()', async () => {
  const clock = fakeClock();
  const p = newPage({ clock, attrs: { 'data-never-load': '' } });
  clock.advance(3600 * 1000);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.stub.phase(), 'never');
  assert.equal(p.win.jivo_api, undefined);
  p.win.jivo_init();
  clock.advance(1000);
  assert.equal(p.stub.loaded(), false, 'jivo_init cannot load a widget that never loads');
  assert.throws(() => p.stub.agentMessage('hi'), /not loaded \(never\)/);
  assert.equal(p.stub.load(), true);
  assert.equal(p.stub.loaded(), true);
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
  assert.equal(p.stub.load(), false, 'loading twice does nothing');
});

test('jivo_destroy removes the widget and jivo_init brings it back', async () => {
  const p = await loadedPage();
  let loads = 0;
  p.win.jivo_onLoadCallback = () => loads++;
  p.api().setUserToken('tok');
  p.api().setContactInfo({ name: 'Ann' });
  p.stub.visitorMessage('hello');
  p.stub.clearEvents();
  p.win.jivo_destroy();
  assert.equal(p.win.jivo_api, undefined, 'jivo_api is gone');
  assert.equal(p.root(), null, 'the elements are gone');
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.stub.phase(), 'destroyed');
  assert.deepEqual(p.fired(), ['jivo_onWidgetDestroy']);
  p.win.jivo_destroy();
  assert.deepEqual(p.fired(), ['jivo_onWidgetDestroy'], 'destroying twice does nothing');
  p.win.jivo_init();
  assert.equal(p.stub.loaded(), false, 'it loads again after the load delay, not at once');
  await waitFor(() => p.stub.loaded(), 'reload');
  assert.equal(loads, 1);
  assert.deepEqual(p.fired(), ['jivo_onWidgetDestroy', 'jivo_onLoadCallback']);
  assert.equal(typeof p.api().open, 'function');
  assert.ok(p.root(), 'drawn again');
  const v = plain(p.stub.agentView());
  assert.equal(v.token, null, 'what the page set is set again after each load');
  assert.equal(v.contactInfo.name, 'Ann', 'the visitor history stays');
  assert.equal(v.messages.length, 1);
  assert.deepEqual(p.calls().map((c) => c.method), ['setUserToken', 'setContactInfo', 'jivo_destroy', 'jivo_destroy', 'jivo_init']);
});

test('jivokitStub.destroy/init do the same without recording a page call', async () => {
  const p = await loadedPage();
  assert.equal(p.stub.destroy(), true);
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback', 'jivo_onWidgetDestroy']);
  assert.equal(p.stub.init(), true);
  assert.equal(p.stub.init(), false, 'already loading');
  await waitFor(() => p.stub.loaded(), 'reload');
  assert.deepEqual(p.calls(), []);
});

test('jivo_destroy before load cancels the load; jivo_init starts it again', async () => {
  const clock = fakeClock();
  const p = newPage({ clock, attrs: { 'data-load-delay': '100' } });
  p.win.jivo_destroy();
  clock.advance(500);
  assert.equal(p.stub.loaded(), false);
  assert.deepEqual(p.fired(), [], 'nothing was there to destroy');
  p.win.jivo_init();
  clock.advance(100 + 3 * 20);
  assert.equal(p.stub.loaded(), true);
});

test('loading the stub twice: the second copy does nothing', async () => {
  const p = await loadedPage();
  const first = p.stub;
  p.again();
  assert.equal(p.win.jivokitStub, first);
  assert.match(p.logged.warn.join('\n'), /loaded twice/);
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
});

test('without a document the widget still works, drawing nothing', async () => {
  const p = await loadedPage({ document: false });
  assert.deepEqual(plain(p.api().open()), { result: 'ok' });
  assert.equal(p.stub.state(), 'chat');
});

test('a stub in <head> of a page still loading waits for the load event', async () => {
  const clock = fakeClock();
  const p = newPage({ body: false, clock });
  clock.advance(1000);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.stub.loader().step, 'waiting for the load event');
  p.doc.addBody();
  clock.advance(1000);
  assert.equal(p.stub.loaded(), false, 'not at DOMContentLoaded when nothing is cached');
  p.doc.readyState = 'complete';
  p.fire('load');
  clock.advance(60);
  assert.equal(p.stub.loaded(), true);
  assert.ok(p.root(), 'drawn');
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
});

// The vendor's loading mechanics (src/loader.js): the id rule, the guard,
// the page wait, the config and status, the iframe and its inline script,
// jivo_destroy / jivo_init, and each silent no-load path. These pages have
// no XMLHttpRequest, so the stub makes its config, status and bundle in
// the page, with the same steps and the same latency (20 ms a request).
import test from 'node:test';
import assert from 'node:assert/strict';
import { FakeStorage, fakeClock, newPage, plain, waitFor } from './page.mjs';
import { siteId, validId } from '../src/loader.js';

const STEPS = 3 * 20; // config, status, bundle: 20 ms of latency each

// loadedBy makes a page on a fake clock and runs it for ms.
function run(opts = {}, ms = STEPS) {
  const clock = fakeClock();
  const p = newPage({ clock, ...opts });
  clock.advance(ms);
  return { p, clock };
}

test('the vendor\'s id rule: all digits, or exactly 10 of [A-Za-z0-9]', () => {
  for (const id of ['1', '123456789012', 'AbCdEf1234', '0000000000']) assert.equal(validId(id), true, id);
  for (const id of ['', 'abc123XYZ', 'AbCdEf12345', 'AbCdE-1234', 'AbCdEf123_', '12 34']) assert.equal(validId(id), false, id);
  assert.equal(siteId('StubWidget'), 757045, 'the same as Go\'s stub.SiteID');
});

test('an invalid id: "Widget id is not valid." on the console, and nothing loads', () => {
  const { p } = run({ attrs: { 'data-jv-id': 'abc123XYZ' } }, 10000);
  assert.deepEqual(p.logged.error, ['Widget id is not valid.']);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.stub.phase(), 'never');
  assert.equal(plain(p.stub.loader()).reason, 'invalid-id');
  assert.equal(p.container(), null, 'no iframe');
  assert.equal(p.win.jivo_magic_var, undefined);
  assert.equal(p.win.jivo_config, undefined);
});

test('the id comes from jv-id, data-jv-id, the script URL\'s /widget/ID, or the default', () => {
  assert.equal(run({ attrs: { 'jv-id': '1234567' } }).p.stub.loader().id, '1234567');
  assert.equal(run({ attrs: { 'data-jv-id': 'AbCdEf1234' } }).p.stub.loader().id, 'AbCdEf1234');
  assert.equal(run({ attrs: { src: '/script/widget/ZyXwVu9876' } }).p.stub.loader().id, 'ZyXwVu9876');
  const { p } = run();
  assert.equal(p.stub.loader().id, 'StubWidget');
  assert.equal(p.stub.loaded(), true);
  assert.deepEqual(plain(p.win.jivo_config), {
    widget_id: 'StubWidget', site_id: 757045, locale: 'en', base_url: '', enable_bundle_wait: false,
    disable_mobile: false, host_blacklist: [], stop_words: [], chat_mode: 'online',
  });
});

test('without document.currentScript the stub finds script[data-jv-id]', () => {
  const { p } = run({ noCurrentScript: true, attrs: { 'data-jv-id': '42', 'data-offline': '' } });
  assert.equal(p.stub.loader().id, '42');
  assert.equal(p.stub.loaded(), true);
  assert.equal(p.api().chatMode(), 'offline', 'options read from that element');
});

test('jivo_magic_var guards against a second copy; WebSocket is required', () => {
  const { p, clock } = run();
  assert.equal(p.win.jivo_magic_var, true);
  const first = p.stub;
  p.again();
  clock.advance(STEPS);
  assert.equal(p.win.jivokitStub, first);
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback']);
  const q = run({ webSocket: false }, 10000).p;
  assert.deepEqual(q.logged.warn, ['Not supported browser']);
  assert.equal(q.stub.loaded(), false);
  assert.equal(q.win.jivo_magic_var, undefined);
});

test('the nonce is read with getAttribute: a header CSP\'s (property only) never reaches the iframe\'s script', () => {
  const frameScript = (p) => p.container().children[0].contentDocument.byTag('script')[0];
  const a = run({ attrs: { nonce: 'r4nd0m' } }).p;
  assert.equal(frameScript(a).getAttribute('nonce'), 'r4nd0m');
  const b = run({ nonceProperty: 'r4nd0m' }).p;
  assert.equal(frameScript(b).getAttribute('nonce'), null);
  assert.equal(b.stub.loaded(), true);
});

test('the bundle runs as an inline script in iframe#jivo_container, hidden in #jivo-iframe-container after the body\'s last child', () => {
  const clock = fakeClock();
  let sawApi = null;
  const p = newPage({ clock, before: (win) => (win.jivo_onLoadCallback = () => (sawApi = typeof win.jivo_api)) });
  p.doc.body.appendChild(p.doc.createElement('footer'));
  clock.advance(STEPS - 1);
  assert.equal(p.container(), null, 'not before the three requests');
  assert.equal(p.win.jivo_api, undefined);
  clock.advance(1);
  const box = p.container();
  const kids = p.doc.body.children;
  assert.equal(kids[kids.indexOf(box) - 1].tagName, 'FOOTER', 'after what was the body\'s last child');
  assert.equal(box.tagName, 'DIV');
  assert.match(box.style.cssText, /opacity:0;width:0;height:0/);
  const frame = box.children[0];
  assert.equal(frame.tagName, 'IFRAME');
  assert.equal(frame.id, 'jivo_container');
  assert.equal(frame.getAttribute('title'), 'Jivochat');
  assert.equal(frame.getAttribute('src'), 'javascript:void(0)');
  assert.deepEqual(p.frames, ['parent.__jivokitStubLoader.boot(window)']);
  assert.equal(sawApi, 'object', 'jivo_api exists when jivo_onLoadCallback runs');
  const jdiv = p.jdiv();
  assert.equal(jdiv.tagName, 'JDIV');
  assert.equal(jdiv.parentNode, p.doc.body, 'the widget is drawn outside the hidden container');
  assert.match(jdiv.textContent, /Chat with us/);
  jdiv.children[0].dispatch('click');
  assert.equal(p.stub.state(), 'chat', 'its label opens the chat');
  assert.match(p.jdiv().textContent, /Close the chat/);
});

test('an inline script the page refuses (a strict CSP) leaves the widget unloaded', () => {
  const { p } = run({ blockInline: true }, 10000);
  assert.equal(p.frames.length, 1);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.win.jivo_api, undefined);
  assert.deepEqual(p.fired(), []);
  assert.equal(p.stub.loader().step, 'iframe script did not run');
  assert.equal(p.stub.load(), true, 'jivokitStub.load() still loads it, for tests');
});

test('timing: the load event, or DOMContentLoaded for a bundle cached on an earlier visit', () => {
  const storage = new FakeStorage();
  const clock = fakeClock();
  const p = newPage({ clock, storage, readyState: 'interactive' });
  clock.advance(1000);
  assert.equal(p.stub.loader().step, 'waiting for the load event');
  p.fire('load');
  clock.advance(STEPS);
  assert.equal(p.stub.loaded(), true);
  assert.ok(storage.getItem('jv_loader_info_StubWidget'), 'the bundle is remembered');
  // The next visit: the bundle is cached, so DOMContentLoaded is enough.
  const q = newPage({ clock, storage, body: false });
  assert.equal(q.stub.loader().step, 'waiting for DOMContentLoaded');
  q.doc.addBody();
  clock.advance(STEPS);
  assert.equal(q.stub.loaded(), true);
  // data-cached does the same on a first visit; an interactive page goes on at once.
  const r = newPage({ clock, readyState: 'interactive', attrs: { 'data-cached': '' } });
  clock.advance(STEPS);
  assert.equal(r.stub.loaded(), true);
});

test('data-fast drops the latency; data-load-delay comes before the requests', () => {
  const { p } = run({ attrs: { 'data-fast': '' } }, 0);
  assert.equal(p.stub.loaded(), true);
  const { p: q, clock } = run({ attrs: { 'data-load-delay': '100' } }, 100 + STEPS - 1);
  assert.equal(q.stub.loaded(), false);
  clock.advance(1);
  assert.equal(q.stub.loaded(), true);
});

test('enable_bundle_wait: the bundle waits for the first scroll or mousemove, or 5 s', () => {
  const { p, clock } = run({ attrs: { 'data-bundle-wait': '' } }, 2000);
  assert.equal(p.win.jivo_config.enable_bundle_wait, true);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.stub.loader().step, 'waiting for a scroll or mousemove');
  p.fire('mousemove');
  clock.advance(20);
  assert.equal(p.stub.loaded(), true);
  const { p: q, clock: c2 } = run({ attrs: { 'data-bundle-wait': '' } }, 2 * 20 + 5000 + 19);
  assert.equal(q.stub.loaded(), false);
  c2.advance(1);
  assert.equal(q.stub.loaded(), true, 'after 5 s without a scroll or mousemove');
});

test('jivo_destroy: jBeforeunload, jivo_magic_var deleted, the jdiv widget gone, the container 10 ms later', () => {
  const { p, clock } = run();
  const seen = [];
  p.win.addEventListener('jBeforeunload', () => seen.push('jBeforeunload'));
  p.win.jivo_destroy();
  assert.deepEqual(seen, ['jBeforeunload']);
  assert.equal('jivo_magic_var' in p.win, false);
  assert.equal(p.jdiv(), null);
  assert.ok(p.container(), 'still there');
  clock.advance(9);
  assert.ok(p.container());
  clock.advance(1);
  assert.equal(p.container(), null);
  // A new copy of the script loads it again now jivo_magic_var is gone.
  p.again();
  clock.advance(STEPS);
  assert.equal(p.stub.loaded(), true);
  assert.equal(p.win.jivo_magic_var, true);
});

test('jivo_init loads again even when loaded: jBeforeunload, a new iframe, jivo_onLoadCallback again', () => {
  const { p, clock } = run();
  let loads = 0;
  const seen = [];
  p.win.jivo_onLoadCallback = () => loads++;
  p.win.addEventListener('jBeforeunload', () => seen.push('jBeforeunload'));
  p.api().setUserToken('tok');
  const firstFrame = p.container().children[0];
  p.win.jivo_init();
  assert.deepEqual(seen, ['jBeforeunload']);
  clock.advance(STEPS);
  assert.equal(loads, 1);
  assert.notEqual(p.container().children[0], firstFrame, 'a new iframe');
  assert.equal(p.doc.body.children.filter((n) => n.id === 'jivo-iframe-container').length, 1);
  assert.equal(p.doc.body.children.filter((n) => n.id === 'jivokit-stub-jdiv').length, 1);
  assert.equal(p.stub.agentView().token, null, 'the new bundle has none of what the page set');
  // A stale iframe's script does nothing.
  assert.equal(p.win.__jivokitStubLoader.boot(firstFrame.contentWindow), false);
});

test('a deleted widget loads nothing, and the browser remembers it for 7 days', () => {
  const storage = new FakeStorage();
  const { p } = run({ storage, attrs: { 'data-failure': 'deleted' } }, 10000);
  assert.equal(p.stub.loaded(), false);
  assert.equal(plain(p.stub.loader()).reason, 'deleted');
  assert.deepEqual(p.logged.error, [], 'silently');
  const until = Number(storage.getItem('jv_widget_deleted_StubWidget'));
  assert.ok(until > Date.now() + 6.9 * 86400000 && until <= Date.now() + 7 * 86400000);
  const q = run({ storage }, 10000).p;
  assert.equal(q.stub.loaded(), false, 'remembered: the next page loads nothing either');
  assert.equal(plain(q.stub.loader()).step, 'stopped');
  assert.equal(q.win.jivo_config, undefined, 'without asking for the config');
});

test('mobile-disabled loads nothing under a mobile user agent only', () => {
  const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
  const { p } = run({ userAgent: ua, attrs: { 'data-failure': 'mobile-disabled' } }, 10000);
  assert.equal(p.win.jivo_config.disable_mobile, true);
  assert.equal(p.stub.loaded(), false);
  assert.equal(plain(p.stub.loader()).reason, 'mobile-disabled');
  assert.equal(run({ attrs: { 'data-failure': 'mobile-disabled' } }).p.stub.loaded(), true, 'a desktop loads it');
});

test('host-blacklisted: the page\'s host is in the config\'s host_blacklist', () => {
  const { p } = run({ hostname: 'shop.example', attrs: { 'data-failure': 'host-blacklisted' } }, 10000);
  assert.deepEqual(plain(p.win.jivo_config.host_blacklist), ['shop.example']);
  assert.equal(p.stub.loaded(), false);
  assert.equal(plain(p.stub.loader()).reason, 'host-blacklisted');
  assert.deepEqual(p.logged.error, []);
});

test('stop words in the title or meta description/keywords: "Init error, code 1015"', () => {
  for (const opts of [{ title: 'Best Casino in town' }, { meta: { description: 'play casino games' } }, { meta: { keywords: 'cards,casino' } }]) {
    const { p } = run({ ...opts, attrs: { 'data-stop-words': 'poker, casino' } }, 10000);
    assert.deepEqual(p.logged.error, ['Init error, code 1015'], JSON.stringify(opts));
    assert.equal(p.stub.loaded(), false);
    assert.equal(plain(p.stub.loader()).reason, 'stop-words');
  }
  assert.equal(run({ title: 'A shop', attrs: { 'data-stop-words': 'casino' } }).p.stub.loaded(), true);
});

test('csp-blocked: the bundle is refused 5 times, then "Widget not loaded due CSP security policy."', () => {
  const { p, clock } = run({ attrs: { 'data-failure': 'csp-blocked' } }, 2 * 20 + 4 * (20 + 50) + 19);
  assert.deepEqual(p.logged.error, []);
  assert.equal(plain(p.stub.loader()).tries.bundle, 5);
  clock.advance(1);
  assert.deepEqual(p.logged.error, ['Widget not loaded due CSP security policy.']);
  assert.equal(p.stub.loaded(), false);
  assert.equal(plain(p.stub.loader()).reason, 'csp-blocked');
  assert.equal(p.container(), null);
});

test('config-failing: after 5 failed config requests it gives up, silently', () => {
  const { p } = run({ attrs: { 'data-failure': 'config-failing' } }, 10000);
  const info = plain(p.stub.loader());
  assert.equal(info.tries.config, 5);
  assert.equal(info.reason, 'config-failing');
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.win.jivo_config, undefined);
  assert.deepEqual(p.logged.error, []);
});

test('maintenance: the status answers 480 and nothing loads', () => {
  const { p } = run({ attrs: { 'data-failure': 'maintenance' } }, 10000);
  assert.equal(plain(p.stub.loader()).reason, 'maintenance');
  assert.equal(p.stub.loaded(), false);
});

test('an unknown failure mode or a malformed option is reported on the console, never a silent default', () => {
  const { p } = run({ attrs: { 'data-failure': 'blocked' } }, 10000);
  assert.match(p.logged.error.join('\n'), /data-failure="blocked" is not one of deleted, mobile-disabled, host-blacklisted, csp-blocked, config-failing, maintenance; nothing loads/);
  assert.equal(p.stub.loaded(), false);
  assert.equal(p.container(), null);
  const q = run({ attrs: { 'data-locale': 'English', 'data-stop-words': ' , ' } }).p;
  assert.match(q.logged.error.join('\n'), /data-locale="English" is not a locale such as en or pt_BR; using en/);
  assert.match(q.logged.error.join('\n'), /data-stop-words is empty/);
  assert.equal(q.win.jivo_config.locale, 'en');
});

test('jivo_onResizeCallback fires on open and on close', async () => {
  const { p } = run();
  p.stub.clearEvents();
  p.api().open();
  p.api().close();
  assert.deepEqual(p.fired(), ['jivo_onOpen', 'jivo_onResizeCallback', 'jivo_onChangeState', 'jivo_onClose', 'jivo_onResizeCallback', 'jivo_onChangeState']);
});

test('isCallbackEnabled can fail without a reason; jivo_onCallEnd can come without a result', async () => {
  const p = newPage({ attrs: { 'data-fast': '' } });
  await waitFor(() => p.stub.loaded(), 'load');
  p.stub.setCallbacksEnabled(false, '');
  assert.deepEqual(await new Promise((r) => p.api().isCallbackEnabled((res) => r(plain(res)))), { result: 'fail' });
  p.stub.setCallbacksEnabled(false);
  assert.deepEqual(await new Promise((r) => p.api().isCallbackEnabled((res) => r(plain(res)))), { result: 'fail', reason: 'Callback disabled' });
  let args = null;
  p.win.jivo_onCallEnd = (...a) => (args = a);
  p.stub.callEndWithoutResult();
  assert.deepEqual(args, []);
  assert.equal(plain(p.stub.agentView()).call.status, 'ended');
});

test('setClientAttributes: 10 per hour per visitor, across reloads and jivo_destroy; clearHistory starts a new visitor', () => {
  const storage = new FakeStorage();
  const { p, clock } = run({ storage });
  for (let i = 0; i < 6; i++) p.api().setClientAttributes({ n: i });
  p.win.jivo_destroy();
  p.win.jivo_init();
  clock.advance(STEPS);
  for (let i = 0; i < 3; i++) p.api().setClientAttributes({ n: i });
  const q = run({ storage }).p; // the next page of the same visitor
  q.api().setClientAttributes({ tenth: 1 });
  q.api().setClientAttributes({ eleventh: 1 });
  assert.deepEqual(plain(q.stub.agentView()).clientAttributes, { tenth: 1 });
  assert.match(q.calls()[1].warning, /called 11 times within the hour; the vendor takes at most 10; dropped/);
  q.api().clearHistory();
  q.api().setClientAttributes({ fresh: 1 });
  assert.equal(plain(q.stub.agentView()).clientAttributes.fresh, 1);
});

test('getUtm returns the tags of the visitor\'s first visit', () => {
  const storage = new FakeStorage();
  const first = run({ storage, search: '?utm_source=mail&utm_campaign=spring' }).p;
  assert.deepEqual(plain(first.api().getUtm()), { source: 'mail', campaign: 'spring' });
  const later = run({ storage, search: '?utm_source=ads' }).p;
  assert.deepEqual(plain(later.api().getUtm()), { source: 'mail', campaign: 'spring' }, 'the first visit\'s, not this page\'s');
  later.api().clearHistory();
  assert.deepEqual(plain(later.api().getUtm()), { source: 'ads' }, 'a new visitor after clearHistory');
});

test('a new copy of the script after jivo_magic_var was reset (a body swap) loads the widget again', () => {
  const { p, clock } = run();
  p.doc.body.removeChild(p.container());
  delete p.win.jivo_magic_var;
  p.again();
  clock.advance(STEPS);
  assert.deepEqual(p.fired(), ['jivo_onLoadCallback', 'jivo_onLoadCallback']);
  assert.ok(p.container(), 'a new iframe');
  const q = run({ attrs: { 'data-jv-id': 'abc123XYZ' } }).p;
  q.win.jivo_init();
  q.again();
  assert.deepEqual(q.logged.error, ['Widget id is not valid.', 'Widget id is not valid.', 'Widget id is not valid.'], 'jivo_init and a new copy check the id again');
  assert.equal(q.stub.loaded(), false);
});

test('a new copy of the script after jivo_destroy loads the widget its own element names', () => {
  const { p, clock } = run({ attrs: { 'data-jv-id': 'AbCdEf1234' } });
  assert.equal(p.stub.loader().id, 'AbCdEf1234');
  p.win.jivo_destroy();
  clock.advance(10);
  p.againWith({ 'data-jv-id': 'ZyXwVu9876' });
  clock.advance(STEPS);
  assert.equal(p.stub.loaded(), true);
  assert.equal(p.stub.loader().id, 'ZyXwVu9876', 'the new copy\'s id, as the vendor\'s loader reads its own');
  assert.equal(p.win.jivo_config.widget_id, 'ZyXwVu9876');
  p.win.jivo_destroy();
  clock.advance(10);
  p.againWith({ 'data-jv-id': 'abc123XYZ' });
  clock.advance(STEPS);
  assert.equal(p.stub.loaded(), false, 'a new copy with an invalid id loads nothing');
  assert.deepEqual(p.logged.error, ['Widget id is not valid.']);
});

test('enable_bundle_wait waits once a page: jivo_init goes on at once', () => {
  const { p, clock } = run({ attrs: { 'data-bundle-wait': '' } }, 2 * 20);
  p.fire('scroll');
  clock.advance(20);
  assert.equal(p.stub.loaded(), true);
  p.win.jivo_destroy();
  p.win.jivo_init();
  clock.advance(STEPS);
  assert.equal(p.stub.loaded(), true, 'no second wait');
});

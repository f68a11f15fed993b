// Tests of the page runtime (runtime.Script) against a fake widget, each in
// a fresh vm context. Run: go test -run InNode ./jsapi/runtime, which hands
// them the script.
import test from 'node:test';
import assert from 'node:assert/strict';
import { newPage, idx } from './page.mjs';

// plain copies a value made inside the page's realm into this one, for
// deepEqual, which compares prototypes too.
const plain = (x) => JSON.parse(JSON.stringify(x));

// specNames reads the spec's method or callback names, in order, from the
// environment variable the Go test sets (from jsapi.Methods, Callbacks).
const specNames = (env) => {
  const v = process.env[env];
  if (!v) throw new Error(env + ' is not set: run these tests with go test ./jsapi/runtime');
  return v.split(',');
};

const isJivoError = (p, r, method, reason) => {
  assert.ok(r instanceof p.jk.JivoError, 'want a JivoError, got ' + String(r));
  assert.ok(r instanceof p.win.Error, 'a JivoError is an Error');
  assert.equal(r.name, 'JivoError');
  assert.equal(r.method, method);
  assert.equal(r.reason, reason);
  assert.equal(r.message, 'jivo: ' + method + ': ' + reason);
};

test('calls before load queue in order and replay on load; later calls go straight through', async () => {
  const p = newPage();
  assert.equal(p.jk.loaded, false);
  const first = p.jk.call('setUserToken', 'tok');
  const second = p.jk.call('open', { start: 'call' });
  const third = p.jk.call('chatMode');
  assert.ok(first instanceof p.win.Promise, 'a queued call answers a Promise');
  assert.deepEqual(p.calls, [], 'nothing reaches the widget before it loads');
  p.load();
  assert.equal(p.jk.loaded, true);
  assert.deepEqual(p.calls, [['setUserToken', 'tok'], ['open', { start: 'call' }], ['chatMode']]);
  assert.equal(await first, true);
  assert.equal(await second, true);
  assert.equal(await third, 'online');
  assert.equal(p.jk.call('close'), true, 'after load a sync method answers at once');
  assert.equal(p.jk.call('getUnreadMessagesCount'), 3);
  assert.deepEqual(p.names().slice(3), ['close', 'getUnreadMessagesCount']);
});

test('calls made from a listener while the queue replays keep their place', () => {
  const p = newPage();
  p.jk.on('jivo_onLoadCallback', () => p.jk.call('close'));
  p.jk.call('open');
  p.jk.call('chatMode');
  p.win.jivo_onOpen = () => p.jk.call('getUtm'); // the replayed open calls it at once
  p.load();
  assert.deepEqual(p.names(), ['open', 'chatMode', 'getUtm', 'close']);
});

test('fan-out: the page listener and every subscriber get each call, in order, with its arguments', () => {
  const seen = [];
  const p = newPage();
  p.win.jivo_onChangeState = (s) => seen.push('page:' + s);
  p.jk.on('jivo_onChangeState', (s) => seen.push('a:' + s));
  p.jk.on('jivo_onChangeState', (s) => seen.push('b:' + s));
  p.win.jivo_onChangeState('chat/min');
  assert.deepEqual(seen, ['page:chat/min', 'a:chat/min', 'b:chat/min']);
  assert.equal(typeof p.win.jivo_onChangeState, 'function', 'the widget sees a function');
  for (const name of p.jk.callbacks) assert.equal(typeof p.win[name], 'function', name + ' is owned');
});

test('unsubscribe removes only that listener, once', () => {
  const seen = [];
  const p = newPage();
  const f = () => seen.push('f');
  const offA = p.jk.on('jivo_onOpen', f);
  p.jk.on('jivo_onOpen', f); // the same function twice is two subscriptions
  p.jk.on('jivo_onOpen', () => seen.push('g'));
  offA();
  offA();
  p.win.jivo_onOpen();
  assert.deepEqual(seen, ['f', 'g']);
});

test('a listener may unsubscribe itself while the callback runs', () => {
  const seen = [];
  const p = newPage();
  const off = p.jk.on('jivo_onClose', () => {
    seen.push('once');
    off();
  });
  p.jk.on('jivo_onClose', () => seen.push('always'));
  p.win.jivo_onClose();
  p.win.jivo_onClose();
  assert.deepEqual(seen, ['once', 'always', 'always']);
});

test('a throwing listener does not stop the others and goes to onerror', () => {
  const seen = [];
  const errors = [];
  const p = newPage();
  p.jk.onerror = (e, where) => errors.push([e.message, where]);
  p.win.jivo_onOpen = () => {
    throw new Error('page bug');
  };
  p.jk.on('jivo_onOpen', () => {
    throw new Error('listener bug');
  });
  p.jk.on('jivo_onOpen', () => seen.push('ran'));
  assert.doesNotThrow(() => p.win.jivo_onOpen());
  assert.deepEqual(seen, ['ran']);
  assert.deepEqual(errors, [['page bug', 'jivo_onOpen'], ['listener bug', 'jivo_onOpen']]);
});

test('by default a throwing listener is logged with console.error; a broken onerror is contained', () => {
  const p = newPage();
  p.jk.on('jivo_onAccept', () => {
    throw new Error('boom');
  });
  p.win.jivo_onAccept();
  assert.equal(p.logged.length, 1);
  assert.match(String(p.logged[0][0]), /jivo_onAccept/);
  assert.equal(p.logged[0][1].message, 'boom');
  p.jk.onerror = () => {
    throw new Error('onerror bug');
  };
  const seen = [];
  p.jk.on('jivo_onAccept', () => seen.push('ran'));
  assert.doesNotThrow(() => p.win.jivo_onAccept());
  assert.deepEqual(seen, ['ran']);
});

test('a global the page assigned before the runtime loaded stays as a listener', () => {
  const seen = [];
  const p = newPage({
    before: (win) => {
      win.jivo_onLoadCallback = () => seen.push('page load');
      win.jivo_onMessageReceived = () => seen.push('page message');
    },
  });
  p.jk.on('jivo_onMessageReceived', () => seen.push('sub message'));
  p.load();
  p.win.jivo_onMessageReceived();
  assert.deepEqual(seen, ['page load', 'page message', 'sub message']);
});

test('a later page assignment replaces only the page listener; chaining the old value neither recurses nor repeats', () => {
  const seen = [];
  const p = newPage({ before: (win) => (win.jivo_onOpen = () => seen.push('old')) });
  p.jk.on('jivo_onOpen', () => seen.push('sub'));
  p.win.jivo_onOpen = () => seen.push('new');
  p.win.jivo_onOpen();
  assert.deepEqual(seen, ['new', 'sub']);

  seen.length = 0;
  const prev = p.win.jivo_onOpen;
  p.win.jivo_onOpen = function () {
    prev();
    seen.push('chained');
  };
  p.win.jivo_onOpen();
  assert.deepEqual(seen, ['chained', 'sub']);

  seen.length = 0;
  p.win.jivo_onOpen = p.win.jivo_onOpen; // assigning the dispatcher to itself changes nothing
  p.win.jivo_onOpen = null; // the page removes its listener
  p.win.jivo_onOpen();
  assert.deepEqual(seen, ['sub']);
});

test('on() rejects unknown callbacks and non-functions with TypeError', () => {
  const p = newPage();
  assert.throws(() => p.jk.on('jivo_onNothing', () => {}), (e) => e instanceof p.win.TypeError && /unknown callback jivo_onNothing/.test(e.message));
  assert.throws(() => p.jk.on('constructor', () => {}), p.win.TypeError);
  assert.throws(() => p.jk.on('jivo_onOpen', 'not a function'), (e) => e instanceof p.win.TypeError && /not a function/.test(e.message));
});

test('the queue is bounded: overflow fails at once with queue full, nothing queued is dropped', async () => {
  const p = newPage({ config: '{"queue_limit":3}' });
  const queued = [1, 2, 3].map((i) => p.jk.call('setUserToken', 't' + i));
  const over = p.jk.call('setUserToken', 't4');
  isJivoError(p, over, 'setUserToken', 'queue full');
  const rejected = p.jk.invoke('open');
  await assert.rejects(rejected, (e) => e.reason === 'queue full');
  p.load();
  assert.deepEqual(p.calls, [['setUserToken', 't1'], ['setUserToken', 't2'], ['setUserToken', 't3']]);
  for (const q of queued) assert.equal(await q, true);
});

test('the default queue limit is 100', () => {
  const p = newPage();
  for (let i = 0; i < 100; i++) assert.ok(p.jk.call('close') instanceof p.win.Promise, 'call ' + i);
  isJivoError(p, p.jk.call('close'), 'close', 'queue full');
  p.load();
  assert.equal(p.calls.length, 100);
});

test('destroy then init: calls queue again, listeners stay, jivo_init is never queued', async () => {
  const seen = [];
  const p = newPage({ config: '{"user_token":"tok"}' });
  p.jk.on('jivo_onOpen', () => seen.push('sub'));
  p.load();
  assert.equal(p.jk.call('jivo_destroy'), true);
  assert.equal(p.jk.loaded, false);
  const queued = p.jk.call('open');
  assert.ok(queued instanceof p.win.Promise);
  assert.deepEqual(p.names(), ['setUserToken', 'jivo_destroy']);
  assert.equal(p.jk.call('jivo_init'), true, 'jivo_init goes straight through');
  assert.equal(p.jk.loaded, true);
  assert.deepEqual(p.names(), ['setUserToken', 'jivo_destroy', 'jivo_init', 'setUserToken', 'open']);
  assert.equal(await queued, true);
  assert.deepEqual(seen, ['sub'], 'the listener survived: the replayed open reached it');
});

test('a destroy replayed from the queue makes the rest wait for the next load', async () => {
  const p = newPage();
  p.jk.call('close');
  p.jk.call('jivo_destroy');
  const after = p.jk.call('chatMode');
  p.load();
  assert.deepEqual(p.names(), ['close', 'jivo_destroy']);
  assert.equal(p.jk.loaded, false);
  p.jk.call('jivo_init');
  assert.deepEqual(p.names(), ['close', 'jivo_destroy', 'jivo_init', 'chatMode']);
  assert.equal(await after, 'online');
});

test('ready() resolves on load, at once when loaded', async () => {
  const p = newPage();
  let done = false;
  const r = p.jk.ready().then(() => (done = true));
  await new Promise((res) => setTimeout(res, 2));
  assert.equal(done, false);
  p.load();
  await r;
  assert.equal(done, true);
  await p.jk.ready();
});

const fullConfig = JSON.stringify({
  user_token: 'v1.tok',
  contact_info: { name: 'Ann', email: 'ann@example.com' },
  custom_data: [{ title: 'Plan', content: 'Pro', link: 'https://example.com/a/1' }],
  widget_color: { color: '#1e88e5', color2: '#43a047' },
  invitation: { text: 'Need help?', department_id: 3 },
});

test('the configuration is applied on each load in the documented order, around the queued calls', () => {
  const p = newPage({ config: fullConfig });
  assert.deepEqual(plain(p.jk.config.contact_info), { name: 'Ann', email: 'ann@example.com' });
  p.jk.call('open');
  p.load();
  const once = [
    ['setUserToken', 'v1.tok'],
    ['setContactInfo', { name: 'Ann', email: 'ann@example.com' }],
    ['setCustomData', [{ title: 'Plan', content: 'Pro', link: 'https://example.com/a/1' }]],
    ['setWidgetColor', '#1e88e5', '#43a047'],
    ['open'],
    ['showProactiveInvitation', 'Need help?', 3],
  ];
  assert.deepEqual(plain(p.calls), once);
  p.jk.call('jivo_destroy');
  p.jk.call('jivo_init');
  const again = once.filter((c) => c[0] !== 'open');
  assert.deepEqual(plain(p.calls.slice(once.length)), [['jivo_destroy'], ['jivo_init'], ...again]);
});

test('optional configuration parts are left out, and absent keys are not called', () => {
  const p = newPage({ config: '{"widget_color":{"color":"#fff"},"invitation":{"text":"Hi"}}' });
  p.load();
  assert.deepEqual(p.calls, [['setWidgetColor', '#fff'], ['showProactiveInvitation', 'Hi']]);
  const none = newPage();
  none.load();
  assert.deepEqual(none.calls, []);
  assert.equal(none.jk.config, null);
});

test('a replaced jivokit.config is what the next load applies', () => {
  const p = newPage({ config: '{"user_token":"before"}' });
  p.load();
  p.jk.config = { user_token: 'after' };
  p.jk.call('jivo_destroy');
  p.jk.call('jivo_init');
  assert.deepEqual(p.calls.filter((c) => c[0] === 'setUserToken'), [['setUserToken', 'before'], ['setUserToken', 'after']]);
});

test('a configuration block that is not JSON is reported through onerror on load and ignored', () => {
  const errors = [];
  const p = newPage({ config: '{"user_token": oops' });
  assert.equal(p.jk.config, null);
  p.jk.onerror = (e, where) => errors.push([e.name, where]);
  p.load();
  assert.deepEqual(errors, [['SyntaxError', 'config']]);
  assert.deepEqual(p.calls, []);
  assert.equal(p.jk.loaded, true, 'the widget works without the configuration');
});

test('a configuration part the widget rejects is reported, and the rest still applies', () => {
  const errors = [];
  const p = newPage({ config: '{"custom_data":{"not":"an array"},"invitation":{"text":"Hi"}}' });
  p.jk.onerror = (e, where) => errors.push([e.method, e.reason, where]);
  p.load();
  assert.deepEqual(errors, [['setCustomData', 'Custom data must be array.', 'config']]);
  assert.deepEqual(p.names(), ['setCustomData', 'showProactiveInvitation']);
});

test('a runtime injected after the widget loaded treats it as loaded and applies the configuration once', () => {
  const p = newPage({ config: '{"user_token":"tok"}', runtime: false });
  p.load();
  p.runRuntime();
  p.jk = p.win.jivokit;
  assert.equal(p.jk.loaded, true);
  assert.deepEqual(p.calls, [['setUserToken', 'tok']]);
  assert.equal(p.jk.call('close'), true);
  p.win.jivo_onLoadCallback(); // a late load callback of the same load
  assert.deepEqual(p.names(), ['setUserToken', 'close']);
});

test('async methods answer Promises: err-first getVisitorNumber, result-callback isCallbackEnabled', async () => {
  const p = newPage();
  p.load();
  const n = p.jk.call('getVisitorNumber');
  assert.ok(n instanceof p.win.Promise);
  assert.equal(await n, 42);
  assert.deepEqual(p.calls[0].slice(0, 1), ['getVisitorNumber']);
  assert.equal(typeof p.calls[0][1], 'function', 'the runtime passes the callback last');
  assert.equal(await p.jk.call('isCallbackEnabled'), true);

  p.visitorError = new Error('no visitor yet');
  isJivoError(p, await p.jk.call('getVisitorNumber'), 'getVisitorNumber', 'no visitor yet');
  p.visitorError = 'offline';
  isJivoError(p, await p.jk.call('getVisitorNumber'), 'getVisitorNumber', 'offline');
  p.callsDisabled = true;
  isJivoError(p, await p.jk.call('isCallbackEnabled'), 'isCallbackEnabled', 'Callback disabled');
  await assert.rejects(p.jk.invoke('isCallbackEnabled'), (e) => e.reason === 'Callback disabled');
  p.visitorError = null;
  assert.equal(await p.jk.invoke('getVisitorNumber'), 42);
});

test('a result callback called with nothing is a failure, not a success', async () => {
  const p = newPage();
  p.load();
  p.win.jivo_api.isCallbackEnabled = (cb) => cb();
  isJivoError(p, await p.jk.call('isCallbackEnabled'), 'isCallbackEnabled', 'answered nothing');
});

test('a failure without a reason gets the spec\'s reason, as the Go bridge reports it', async () => {
  const p = newPage();
  p.load();
  // isCallbackEnabled: the reference writes {result: 'fail', 'Callback unavaiable'}.
  for (const res of [{ result: 'fail' }, { result: 'fail', 0: 'Callback unavaiable' }, { result: 'fail', reason: '' }]) {
    p.win.jivo_api.isCallbackEnabled = (cb) => cb(res);
    isJivoError(p, await p.jk.call('isCallbackEnabled'), 'isCallbackEnabled', 'Callback unavaiable');
  }
  p.win.jivo_api.isCallbackEnabled = (cb) => cb({ result: 'fail', reason: 'Callback disabled' });
  isJivoError(p, await p.jk.call('isCallbackEnabled'), 'isCallbackEnabled', 'Callback disabled');
  // setUserToken fails with {result: 'fail', token: userToken || false}.
  p.win.jivo_api.setUserToken = (t) => ({ result: 'fail', token: t || false });
  isJivoError(p, p.jk.call('setUserToken', 'tok'), 'setUserToken', 'token refused');
  // A method without a spec reason keeps an empty one.
  p.win.jivo_api.startCall = () => ({ result: 'fail' });
  const e = p.jk.call('startCall', '+14084987855');
  assert.ok(e instanceof p.jk.JivoError);
  assert.equal(e.reason, '');
  assert.equal(e.message, 'jivo: startCall: failed without a reason');
});

test('an async method queued before load resolves with its real answer', async () => {
  const p = newPage();
  const n = p.jk.call('getVisitorNumber');
  p.load();
  assert.equal(await n, 42);
});

test('sync answers: ok is true, values as given, fail is a JivoError with the reason', () => {
  const p = newPage();
  p.load();
  assert.equal(p.jk.call('startCall', '+14084987855'), true);
  p.callsDisabled = true;
  isJivoError(p, p.jk.call('startCall', '+14084987855'), 'startCall', 'Callback disabled');
  isJivoError(p, p.jk.call('setCustomData', 'nope'), 'setCustomData', 'Custom data must be array.');
  assert.equal(p.jk.call('setContactInfo', { name: 'Ann' }), true, 'no answer is success');
  assert.deepEqual(p.jk.call('getContactInfo'), { client_name: 'Ann', email: null, phone: null, description: null });
  assert.deepEqual(p.jk.call('getUtm'), { source: 'news' });
});

test("sendOfflineMessage's failure reason is under error", () => {
  const p = newPage();
  p.load();
  assert.equal(p.jk.call('sendOfflineMessage', { message: 'hi', email: 'a@b.co' }), true);
  isJivoError(p, p.jk.call('sendOfflineMessage', { email: 'a@b.co' }), 'sendOfflineMessage', 'Offline message is empty');
});

test('thrown exceptions, missing and unknown methods are JivoErrors, never throws', async () => {
  const p = newPage();
  p.load();
  isJivoError(p, p.jk.call('clearHistory'), 'clearHistory', 'storage is blocked');
  isJivoError(p, p.jk.call('sendPageTitle', 'Cart'), 'sendPageTitle', 'not supported by this widget');
  isJivoError(p, p.jk.call('noSuchMethod'), 'noSuchMethod', 'unknown method');
  isJivoError(p, p.jk.call('toString'), 'toString', 'unknown method');
  isJivoError(p, p.jk.call(999), '999', 'unknown method');
  isJivoError(p, p.jk.call(-1), '-1', 'unknown method');
  await assert.rejects(p.jk.invoke('clearHistory'), (e) => e instanceof p.jk.JivoError);
  assert.equal(await p.jk.invoke('chatMode'), 'online');
});

test('index-based calls address the same methods as names', () => {
  const p = newPage();
  p.load();
  assert.equal(p.jk.call(idx(p, 'chatMode')), 'online');
  assert.equal(p.jk.call(idx(p, 'setUserToken'), 'tok'), true);
  p.callsDisabled = true;
  isJivoError(p, p.jk.call(idx(p, 'startCall'), '+14084987855'), 'startCall', 'Callback disabled');
  assert.deepEqual(p.calls.slice(0, 2), [['chatMode'], ['setUserToken', 'tok']]);
  assert.deepEqual(plain(p.jk.methods.map((m) => m.name)), specNames('JIVOKIT_SPEC_METHODS'), 'the method table is the spec\'s');
  assert.equal(p.jk.methods[0].name, 'open');
});

test('loading the runtime twice is harmless: the second copy does nothing', () => {
  const seen = [];
  const p = newPage({ config: '{"user_token":"tok"}' });
  p.win.jivo_onOpen = () => seen.push('page');
  p.jk.on('jivo_onOpen', () => seen.push('sub'));
  const first = p.win.jivokit;
  const dispatcher = p.win.jivo_onOpen;
  p.runRuntime();
  assert.equal(p.win.jivokit, first);
  assert.equal(p.win.jivo_onOpen, dispatcher);
  p.load();
  p.win.jivo_onOpen();
  assert.deepEqual(seen, ['page', 'sub']);
  assert.deepEqual(p.calls, [['setUserToken', 'tok']], 'the configuration is applied once');
});

test('the public members are there', () => {
  const p = newPage();
  for (const k of ['call', 'invoke', 'on', 'ready', 'onerror']) assert.equal(typeof p.jk[k], 'function', k);
  assert.equal(typeof p.jk.version, 'string');
  assert.deepEqual(plain(p.jk.callbacks), specNames('JIVOKIT_SPEC_CALLBACKS'), 'the callbacks are the spec\'s');
  assert.ok(p.jk.callbacks.includes('jivo_onWidgetDestroy'));
  assert.throws(() => (p.jk.loaded = true), TypeError, 'loaded is read-only');
  assert.equal(p.jk.loaded, false);
});

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

// within answers what p settles to, or 'pending' if it has not within ms.
const within = (p, ms = 50) => Promise.race([p, sleep(ms).then(() => 'pending')]);

test('a configuration block that comes after the runtime on the page is read on load', () => {
  const p = newPage();
  assert.equal(p.jk.config, null);
  p.config = '{"user_token":"tok","contact_info":{"name":"Ann"},"invitation":{"text":"Hi"}}';
  p.jk.call('open');
  p.load();
  assert.deepEqual(plain(p.calls), [['setUserToken', 'tok'], ['setContactInfo', { name: 'Ann' }], ['open'], ['showProactiveInvitation', 'Hi']]);
  assert.equal(p.jk.config.user_token, 'tok');
});

test('a late configuration block that is not JSON is reported on load', () => {
  const errors = [];
  const p = newPage();
  p.jk.onerror = (e, where) => errors.push([e.name, where]);
  p.config = '{oops';
  p.load();
  assert.deepEqual(errors, [['SyntaxError', 'config']]);
  assert.equal(p.jk.loaded, true);
});

test('a block found when the runtime started is not read again: a replaced config stays', () => {
  const p = newPage({ config: '{"user_token":"first"}' });
  p.jk.config = { user_token: 'mine' };
  p.config = '{"user_token":"changed"}';
  p.load();
  assert.deepEqual(p.calls, [['setUserToken', 'mine']]);
});

test('the widget firing a callback again from the page listener reaches everyone, in order', () => {
  const seen = [];
  const p = newPage();
  p.load();
  // As the widget does: opening the chat from a call window changes the state.
  const api = p.win.jivo_api;
  api.open = (o) => {
    p.calls.push(['open', o]);
    p.win.jivo_onChangeState(o.start);
    return { result: 'ok' };
  };
  p.win.jivo_onChangeState = (s) => {
    seen.push('page:' + s);
    if (s === 'call') p.win.jivo_api.open({ start: 'chat' });
  };
  p.jk.on('jivo_onChangeState', (s) => seen.push('a:' + s));
  p.jk.on('jivo_onChangeState', (s) => seen.push('b:' + s));
  p.win.jivo_onChangeState('call');
  assert.deepEqual(seen, ['page:call', 'a:call', 'b:call', 'page:chat', 'a:chat', 'b:chat']);
});

test('the widget firing a callback again from a subscriber reaches the later subscribers after the first call', () => {
  const seen = [];
  const p = newPage();
  p.jk.on('jivo_onChangeState', (s) => {
    seen.push('a:' + s);
    if (s === 'call') p.win.jivo_onChangeState('chat');
  });
  p.jk.on('jivo_onChangeState', (s) => seen.push('b:' + s));
  p.win.jivo_onChangeState('call');
  assert.deepEqual(seen, ['a:call', 'b:call', 'a:chat', 'b:chat']);
});

test('a page listener chaining the old dispatcher with its arguments, or none, runs nothing twice', () => {
  const seen = [];
  const p = newPage();
  p.jk.on('jivo_onChangeState', (s) => seen.push('sub:' + s));
  const prev = p.win.jivo_onChangeState;
  p.win.jivo_onChangeState = (s) => {
    prev(s);
    prev();
    prev.apply(null, [s, undefined]);
    seen.push('page:' + s);
  };
  p.win.jivo_onChangeState('chat');
  assert.deepEqual(seen, ['page:chat', 'sub:chat']);
});

test('an async method gets only its parameters and the runtime callback: extra arguments cannot steal the answer', async () => {
  const p = newPage();
  p.load();
  let stolen = 0;
  const n = p.jk.call('getVisitorNumber', () => stolen++);
  assert.equal(await within(n), 42);
  assert.equal(p.calls[0].length, 2, 'getVisitorNumber gets one argument: the callback');
  assert.equal(await within(p.jk.call('isCallbackEnabled', () => stolen++, 'more')), true);
  assert.equal(await within(p.jk.invoke('getVisitorNumber', 'x')), 42);
  assert.equal(stolen, 0);
});

test('ready() waits while a replayed jivo_destroy leaves the widget unloaded', async () => {
  const p = newPage();
  p.jk.call('jivo_destroy');
  const r = p.jk.ready().then(() => p.jk.loaded);
  p.load();
  assert.equal(p.jk.loaded, false);
  assert.equal(await within(r), 'pending');
  p.jk.call('jivo_init');
  assert.equal(await within(r), true);
});

// declare makes w[name] as a global function declaration does in a
// browser: a data property that is writable but not configurable (a vm
// context does not follow the browser here, so the test makes it by hand).
const declare = (win, name, f) =>
  Object.defineProperty(win, name, { value: f, writable: true, enumerable: true, configurable: false });

test('callbacks the page declared as functions before the runtime are its listeners', async () => {
  const seen = [];
  const p = newPage({
    config: '{"user_token":"tok"}',
    before: (win) => {
      declare(win, 'jivo_onLoadCallback', () => seen.push('page load'));
      declare(win, 'jivo_onChangeState', (s) => seen.push('page:' + s));
    },
  });
  assert.ok(p.jk, 'the runtime installed itself');
  assert.equal(p.jk.loaded, false);
  const queued = p.jk.call('close');
  p.jk.on('jivo_onChangeState', (s) => seen.push('sub:' + s));
  p.load();
  assert.equal(p.jk.loaded, true);
  assert.equal(await queued, true);
  assert.deepEqual(p.names(), ['setUserToken', 'close']);
  p.win.jivo_onChangeState('chat');
  assert.deepEqual(seen, ['page load', 'page:chat', 'sub:chat']);
});

test('callbacks the page declares after the runtime are taken back when the widget sets jivo_api', () => {
  const seen = [];
  const p = newPage({ config: '{"user_token":"tok"}' });
  p.jk.on('jivo_onLoadCallback', () => seen.push('sub load'));
  declare(p.win, 'jivo_onLoadCallback', () => seen.push('page load'));
  declare(p.win, 'jivo_onOpen', () => seen.push('page open'));
  p.load(); // assigns jivo_api, then calls jivo_onLoadCallback
  assert.equal(p.jk.loaded, true);
  assert.deepEqual(seen, ['page load', 'sub load']);
  assert.deepEqual(p.names(), ['setUserToken']);
  p.jk.on('jivo_onOpen', () => seen.push('sub open'));
  p.win.jivo_onOpen();
  assert.deepEqual(seen.slice(2), ['page open', 'sub open']);
  // A later assignment to a declared global replaces the dispatcher until
  // the runtime is entered: by any callback it owns, or by on().
  p.win.jivo_onOpen = () => seen.push('new open');
  p.win.jivo_onOpen();
  p.win.jivo_onClose();
  p.win.jivo_onOpen();
  assert.deepEqual(seen.slice(4), ['new open', 'new open', 'sub open']);
  declare(p.win, 'jivo_onOpen', () => seen.push('newer open'));
  p.jk.on('jivo_onClose', () => {});
  p.win.jivo_onOpen();
  assert.deepEqual(seen.slice(7), ['newer open', 'sub open']);
});

test('jivo_api works as a plain global: the widget sets, deletes and sets it again', () => {
  const p = newPage();
  p.load();
  const api = p.win.jivo_api;
  assert.equal(typeof api.open, 'function');
  assert.equal(p.win.jivo_api, api);
  p.jk.call('jivo_destroy');
  assert.equal(p.win.jivo_api, undefined);
  assert.equal('jivo_api' in p.win, true, 'the runtime holds it again for the next load');
  p.jk.call('jivo_init');
  assert.notEqual(p.win.jivo_api, api);
  assert.equal(typeof p.win.jivo_api.open, 'function');
  assert.equal(p.jk.call('close'), true);
});

test('phase: loading (the widget script is on the page), loaded, destroyed until the next load; load() answers ready()', async () => {
  const p = newPage();
  assert.equal(p.jk.phase, 'loading');
  const ready = p.jk.load();
  assert.ok(ready instanceof p.win.Promise, 'load answers ready()');
  p.load();
  assert.equal(await ready, undefined);
  assert.equal(p.jk.phase, 'loaded');
  p.win.jivo_destroy();
  assert.equal(p.jk.phase, 'destroyed');
  p.win.jivo_init();
  assert.equal(p.jk.phase, 'loaded');
});

test('withdraw takes a queued call out: it never reaches the widget, the others keep their order', async () => {
  const p = newPage();
  const a = p.jk.call('setUserToken', 'a');
  const b = p.jk.call('startCall', '+15550100');
  const c = p.jk.call('close');
  assert.equal(b.withdraw(), true);
  assert.equal(b.withdraw(), false, 'only once');
  isJivoError(p, await b, 'startCall', 'withdrawn');
  p.load();
  assert.deepEqual(p.names(), ['setUserToken', 'close']);
  assert.equal(await a, true);
  assert.equal(await c, true);
  assert.equal(c.withdraw(), false, 'a call already made is not affected');
});

test('setClientAttributes bursts: the first goes at once, the rest within a second coalesce, last value wins', async () => {
  const p = newPage();
  p.load();
  assert.equal(p.jk.call('setClientAttributes', { a: 1 }), true, 'a lone call answers at once');
  const second = p.jk.call('setClientAttributes', { a: 2 });
  const third = p.jk.call('setClientAttributes', { a: 3 });
  assert.equal(second, third, 'the held calls share one answer');
  assert.deepEqual(plain(p.calls.filter((c) => c[0] == 'setClientAttributes')), [['setClientAttributes', { a: 1 }]]);
  assert.equal(await third, true);
  assert.deepEqual(plain(p.calls.filter((c) => c[0] == 'setClientAttributes')), [
    ['setClientAttributes', { a: 1 }],
    ['setClientAttributes', { a: 3 }],
  ]);
});

test('a withdrawn held setClientAttributes is not made', async () => {
  const p = newPage();
  p.load();
  p.jk.call('setClientAttributes', { a: 1 });
  const held = p.jk.call('setClientAttributes', { a: 2 });
  assert.equal(held.withdraw(), true);
  isJivoError(p, await held, 'setClientAttributes', 'withdrawn');
  await new Promise((r) => setTimeout(r, 1100));
  assert.deepEqual(p.names(), ['setClientAttributes']);
});

test('one caller withdrawing a coalesced setClientAttributes does not cancel the others', async () => {
  const p = newPage();
  p.load();
  p.jk.call('setClientAttributes', { a: 1 });
  const first = p.jk.call('setClientAttributes', { a: 2 });
  const second = p.jk.call('setClientAttributes', { a: 3 });
  assert.equal(first.withdraw(), false, 'another caller still waits for the coalesced call');
  await new Promise((r) => setTimeout(r, 1100));
  assert.equal(await second, true);
  assert.deepEqual(plain(p.calls.filter((c) => c[0] == 'setClientAttributes')), [
    ['setClientAttributes', { a: 1 }],
    ['setClientAttributes', { a: 3 }],
  ]);
});

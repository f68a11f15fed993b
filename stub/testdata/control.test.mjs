// The record of calls and the control API that plays the other side.
import test from 'node:test';
import assert from 'node:assert/strict';
import { answer, loadedPage, newPage, plain, waitFor, withRuntime } from './page.mjs';

test('calls() records method, JSON-safe arguments, result and time', async () => {
  const p = await loadedPage();
  const before = Date.now();
  const fields = [{ content: 'x', when: new Date(0), f() {}, n: NaN }];
  p.api().setCustomData(fields);
  fields[0].content = 'changed';
  p.api().chatMode();
  p.api().setContactInfo({ name: 'Ann' });
  const calls = p.calls();
  assert.equal(calls.length, 3);
  assert.deepEqual(calls.map(({ time, ...c }) => c), [
    { method: 'setCustomData', args: [[{ content: 'x', when: '1970-01-01T00:00:00.000Z', f: '[function]', n: null }]], result: { result: 'ok' } },
    { method: 'chatMode', args: [], result: 'online' },
    { method: 'setContactInfo', args: [{ name: 'Ann' }], result: null },
  ]);
  for (const c of calls) assert.ok(c.time >= before && c.time <= Date.now(), 'time is a Date.now() timestamp');
  p.stub.calls()[0].method = 'tampered';
  assert.equal(p.calls()[0].method, 'setCustomData', 'calls() hands out copies');
  p.stub.clearCalls();
  assert.deepEqual(p.calls(), []);
});

test('cyclic arguments are recorded without failing', async () => {
  const p = await loadedPage();
  const o = { name: 'Ann' };
  o.self = o;
  p.api().setContactInfo(o);
  assert.deepEqual(p.calls()[0].args, [{ name: 'Ann', self: '[cycle]' }]);
});

test('an async call is recorded at once and its answer filled in when the callback runs', async () => {
  const p = await loadedPage();
  const done = answer(p, 'getVisitorNumber');
  const pending = p.calls()[0];
  assert.equal(pending.pending, true);
  assert.equal(pending.result, null);
  assert.deepEqual(pending.args, ['[function]']);
  await done;
  assert.deepEqual((({ time, ...c }) => c)(p.calls()[0]), { method: 'getVisitorNumber', args: ['[function]'], result: 1, pending: false });
  await answer(p, 'isCallbackEnabled');
  assert.deepEqual(p.calls()[1].result, { result: 'ok' });
});

test('a call that throws is recorded with its error', async () => {
  const p = await loadedPage();
  assert.throws(() => p.api().getVisitorNumber('nope'));
  assert.match(p.calls()[0].error, /callback function/);
});

test('agentAccept fires jivo_onAccept; agentMessage fires jivo_onMessageReceived', async () => {
  const p = await loadedPage();
  const seen = [];
  p.win.jivo_onAccept = () => seen.push('accept');
  p.win.jivo_onMessageReceived = () => seen.push('received');
  p.stub.agentAccept();
  p.stub.agentMessage('Hello, how can I help?');
  assert.deepEqual(seen, ['accept', 'received']);
  const v = plain(p.stub.agentView());
  assert.equal(v.accepted, true);
  assert.deepEqual(v.messages.map((m) => [m.from, m.text]), [['system', 'The agent accepted the chat'], ['agent', 'Hello, how can I help?']]);
  assert.throws(() => p.stub.agentMessage(''), /non-empty string/);
});

test('visitorMessage opens the chat, fires jivo_onClientStartChat and, for the first message with no history, jivo_onMessageSent', async () => {
  const p = await loadedPage();
  p.stub.clearEvents();
  p.stub.visitorMessage('Hi');
  assert.deepEqual(p.fired(), ['jivo_onOpen', 'jivo_onResizeCallback', 'jivo_onChangeState', 'jivo_onClientStartChat', 'jivo_onMessageSent']);
  p.stub.clearEvents();
  p.stub.visitorMessage('Anyone there?');
  assert.deepEqual(p.fired(), [], 'later messages fire nothing');
  p.win.jivo_destroy();
  p.win.jivo_init();
  await waitFor(() => p.stub.loaded(), 'reload');
  p.stub.clearEvents();
  p.api().open();
  p.stub.visitorMessage('Back again');
  assert.deepEqual(p.fired(), ['jivo_onOpen', 'jivo_onResizeCallback', 'jivo_onChangeState'], 'with chat history jivo_onMessageSent does not fire');
});

test('after a proactive invitation the visitor\'s chat does not fire jivo_onClientStartChat', async () => {
  const p = await loadedPage();
  p.api().showProactiveInvitation('Need help?');
  p.stub.clearEvents();
  p.stub.visitorMessage('Yes');
  assert.deepEqual(p.fired(), ['jivo_onMessageSent']);
});

test('visitorIntroduce sets the contacts and fires jivo_onIntroduction', async () => {
  const p = await loadedPage();
  let got = null;
  p.win.jivo_onIntroduction = () => (got = plain(p.api().getContactInfo()));
  p.stub.visitorIntroduce({ name: 'John Smith', email: 'email@example.com', phone: '+14084987855', description: 'VIP' });
  assert.deepEqual(got, { client_name: 'John Smith', email: 'email@example.com', phone: '+14084987855', description: 'VIP' });
  assert.throws(() => p.stub.visitorIntroduce('John'), /give an object/);
});

test('callStart fires jivo_onCallStart; callEnd fires jivo_onCallEnd with ok, or fail and a reason', async () => {
  const p = await loadedPage();
  const seen = [];
  p.win.jivo_onCallStart = () => seen.push('start');
  p.win.jivo_onCallEnd = (res) => seen.push(plain(res));
  p.api().startCall('+14084987855');
  p.stub.callStart();
  assert.deepEqual(plain(p.stub.agentView().call), { phone: '+14084987855', status: 'started', reason: '' });
  p.stub.callEnd(true);
  p.stub.callStart();
  p.stub.callEnd(false, 'Busy');
  p.stub.callEnd(false);
  assert.deepEqual(seen, ['start', { result: 'ok' }, 'start', { result: 'fail', reason: 'Busy' }, { result: 'fail', reason: 'Call failed' }]);
  assert.deepEqual(plain(p.stub.agentView().call), { phone: '+14084987855', status: 'failed', reason: 'Call failed' });
});

test('resize fires jivo_onResizeCallback', async () => {
  const p = await loadedPage();
  let n = 0;
  p.win.jivo_onResizeCallback = () => n++;
  p.stub.resize();
  assert.equal(n, 1);
});

test('playing the other side needs a loaded widget; settings do not', () => {
  const p = newPage({ attrs: { 'data-never-load': '' } });
  for (const action of ['agentAccept', 'agentMessage', 'visitorMessage', 'visitorIntroduce', 'callStart', 'callEnd', 'resize']) {
    assert.throws(() => p.stub[action]('x'), /not loaded/, action);
  }
  p.stub.setOnline(false);
  p.stub.setCallbacksEnabled(false);
  p.stub.load();
  assert.equal(p.api().chatMode(), 'offline');
});

test('events() records each callback fired with its arguments', async () => {
  const p = await loadedPage();
  p.api().open({ start: 'call' });
  const ev = plain(p.stub.events()).map(({ time, handled, ...e }) => e);
  assert.deepEqual(ev, [
    { callback: 'jivo_onLoadCallback', args: [] },
    { callback: 'jivo_onOpen', args: [] },
    { callback: 'jivo_onResizeCallback', args: [] },
    { callback: 'jivo_onChangeState', args: ['call'] },
  ]);
});

test('with the page runtime in front, its queued calls and configuration reach the stub', { skip: !withRuntime && 'runs behind the page runtime (JIVOKIT_STUB_RUNTIME)' }, async () => {
  const p = newPage();
  const token = p.win.jivokit.call('setUserToken', 'v1.tok');
  const open = p.win.jivokit.invoke('open', { start: 'call' });
  let changes = [];
  p.win.jivokit.on('jivo_onChangeState', (s) => changes.push(s));
  p.win.jivo_onChangeState = (s) => changes.push('page:' + s);
  assert.equal(await token, true);
  assert.equal(await open, true);
  assert.deepEqual(p.calls().map((c) => c.method), ['setUserToken', 'open']);
  assert.deepEqual(changes, ['page:call', 'call'], 'the fan-out reaches the page and every listener');
  p.stub.setCallbacksEnabled(false);
  const err = p.win.jivokit.call('startCall', '12');
  assert.equal(err.name, 'JivoError');
  assert.equal(err.reason, 'Callback disabled');
  p.stub.setCallbacksEnabled(true);
  const n = await p.win.jivokit.invoke('getVisitorNumber');
  assert.equal(n, 1);
  p.win.jivokit.call('jivo_destroy');
  assert.equal(p.win.jivokit.loaded, false, 'the runtime saw jivo_onWidgetDestroy');
  p.win.jivokit.call('jivo_init');
  await p.win.jivokit.ready();
  assert.equal(p.stub.loaded(), true);
});

test('with the page runtime in front, its configuration block is applied on every load', { skip: !withRuntime && 'runs behind the page runtime (JIVOKIT_STUB_RUNTIME)' }, async () => {
  const config = JSON.stringify({
    user_token: 'v1.tok',
    contact_info: { name: 'Ann', email: 'ann@example.com' },
    custom_data: [{ title: 'Plan', content: 'Pro', link: 'https://shop.example/a/1' }],
    widget_color: { color: '#1e88e5', color2: '#43a047' },
    invitation: { text: 'Need help?', department_id: 3 },
  });
  const p = await loadedPage({ config });
  const check = () => {
    const v = plain(p.stub.agentView());
    assert.equal(v.token, 'v1.tok');
    assert.equal(v.contactInfo.name, 'Ann');
    assert.deepEqual(v.customData, [{ title: 'Plan', key: '', content: 'Pro', link: 'https://shop.example/a/1' }]);
    assert.deepEqual([v.color, v.color2], ['#1e88e5', '#43a047']);
    assert.deepEqual(v.invitation, { text: 'Need help?', department_id: 3 });
    assert.equal(p.stub.state(), 'chat', 'the invitation opened the chat');
  };
  check();
  assert.deepEqual(p.calls().map((c) => c.method), ['setUserToken', 'setContactInfo', 'setCustomData', 'setWidgetColor', 'showProactiveInvitation']);
  p.win.jivokit.call('jivo_destroy');
  assert.equal(p.stub.agentView().token, null);
  p.win.jivokit.call('jivo_init');
  await p.win.jivokit.ready();
  check();
});

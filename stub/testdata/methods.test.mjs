// Every jivo_api method's documented answer. Run: go test -run InNode ./stub
import test from 'node:test';
import assert from 'node:assert/strict';
import { answer, loadedPage, plain } from './page.mjs';

const ok = { result: 'ok' };

test('open and close change the state and fire jivo_onOpen / jivo_onClose / jivo_onChangeState', async () => {
  const p = await loadedPage();
  const seen = [];
  p.win.jivo_onOpen = () => seen.push('open');
  p.win.jivo_onClose = () => seen.push('close');
  p.win.jivo_onChangeState = (s) => seen.push('state:' + s);
  assert.equal(p.stub.state(), 'label');
  assert.deepEqual(plain(p.api().open()), ok);
  assert.equal(p.stub.state(), 'chat');
  assert.deepEqual(plain(p.api().open({ start: 'call' })), ok, 'the call form over the chat');
  assert.equal(p.stub.state(), 'chat/call');
  assert.deepEqual(plain(p.api().close()), ok);
  assert.equal(p.stub.state(), 'label');
  assert.deepEqual(plain(p.api().open({ start: 'call' })), ok);
  assert.equal(p.stub.state(), 'call');
  assert.deepEqual(plain(p.api().open({ start: 'menu' })), ok);
  assert.equal(p.stub.state(), 'chat');
  assert.deepEqual(seen, [
    'open', 'state:chat', 'state:chat/call', 'close', 'state:label', 'open', 'state:call', 'state:chat',
  ]);
  seen.length = 0;
  assert.deepEqual(plain(p.api().open()), ok);
  assert.deepEqual(seen, [], 'opening an open chat changes nothing');
});

test('open: an unknown start is advice (the chat opens), strict refuses it; options that are not an object are refused', async () => {
  const p = await loadedPage();
  assert.equal(plain(p.api().open('chat')).result, 'fail');
  assert.equal(p.stub.state(), 'label');
  assert.deepEqual(plain(p.api().open({ start: 'video' })), ok);
  assert.equal(p.calls().at(-1).warning, 'start "video" is not chat, call or menu (advice)');
  assert.equal(p.stub.state(), 'chat');
  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  assert.deepEqual(plain(q.api().open({ start: 'video' })), { result: 'fail', reason: 'start "video" is not chat, call or menu' });
  assert.equal(q.stub.state(), 'label');
});

test('chatMode answers online or offline', async () => {
  const p = await loadedPage();
  assert.equal(p.api().chatMode(), 'online');
  p.stub.setOnline(false);
  assert.equal(p.api().chatMode(), 'offline');
  p.stub.setOnline(true);
  assert.equal(p.api().chatMode(), 'online');
});

test('setContactInfo in strict mode refuses what jsapi.ContactInfo.Validate advises against, whole, with its message', async () => {
  const p = await loadedPage({ attrs: { 'data-strict': '' } });
  p.api().setContactInfo({ name: 'Ann', email: 'ann@example.com', phone: '+14084987855' });
  const before = plain(p.api().getContactInfo());
  for (const [info, warning] of [
    [{ email: 'not-an-email' }, 'email is not an e-mail address; ignored'],
    [{ name: 'Bob', email: 'bob@localhost' }, 'email has no dot in its domain; ignored'],
    [{ name: 'Bob', phone: 'call me' }, "phone contains 'c'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed; ignored"],
    [{ phone: '123' }, 'phone has 3 digits, a phone number has 5 to 15; ignored'],
    [{ email: 'a@b.example', phone: 'javascript:1' }, "phone contains 'j'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed; ignored"],
    [{ email: 'a@b.example"<script>' }, 'email contains a character an e-mail address cannot have; ignored'],
    [{ name: 42 }, 'name is not a string; ignored'],
  ]) {
    p.api().setContactInfo(info);
    assert.equal(p.calls().at(-1).warning, warning, JSON.stringify(info));
    assert.deepEqual(plain(p.api().getContactInfo()), before, 'nothing of a refused call is kept: ' + JSON.stringify(info));
  }
  p.api().setContactInfo({ email: '', phone: null, name: 'Bob' });
  assert.equal(p.calls().at(-1).warning, undefined, 'empty fields are not checked, as in Go');
  assert.deepEqual(plain(p.api().getContactInfo()), { client_name: 'Bob', email: null, phone: null, description: null });
});

test('setContactInfo takes what the vendor takes, with jivokit\'s advice as a warning', async () => {
  const p = await loadedPage();
  p.api().setContactInfo({ name: 'Ann', email: 'admin@intranet', phone: '+1 (408) 498-7855 ext. 2' });
  assert.equal(p.calls().at(-1).warning, 'email has no dot in its domain (advice)');
  assert.deepEqual(plain(p.api().getContactInfo()), { client_name: 'Ann', email: 'admin@intranet', phone: '+1 (408) 498-7855 ext. 2', description: null });
  assert.deepEqual(plain(p.stub.advice()), ['email has no dot in its domain']);
  p.api().setContactInfo({ name: 42 });
  assert.equal(p.calls().at(-1).warning, 'name is not a string; ignored', 'not text is refused in every mode');
  assert.equal(p.api().getContactInfo().client_name, 'Ann');
});

test('sendPageTitle: a blank title is advice, which strict mode refuses, as jsapi.PageTitle.Validate', async () => {
  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  q.api().sendPageTitle('Cart', true, 'https://shop.example/cart');
  q.api().sendPageTitle(' \u3000');
  assert.equal(q.calls().at(-1).warning, 'title is empty; ignored');
  assert.equal(q.stub.agentView().pageTitle.title, 'Cart');
  const p = await loadedPage();
  p.api().sendPageTitle(' \u3000');
  assert.equal(p.calls().at(-1).warning, 'title is empty (advice)');
  assert.equal(p.stub.agentView().pageTitle.title, ' \u3000');
  p.api().sendPageTitle(5);
  assert.equal(p.calls().at(-1).warning, 'title is not a string; ignored');
});

test('sendPageTitle cuts a title over 1024 characters, by character, with advice', async () => {
  const p = await loadedPage();
  const long = '\ud83d\uded2'.repeat(1024) + ' and more';
  p.api().sendPageTitle(long, true);
  assert.equal(p.stub.agentView().pageTitle.title, '\ud83d\uded2'.repeat(1024));
  assert.equal(p.calls().at(-1).warning, 'title is longer than 1024 characters; it is cut to 1024 (advice)');
  p.api().sendPageTitle('\ud83d\uded2'.repeat(1024));
  assert.equal(p.calls().at(-1).warning, undefined, '1024 characters are not cut');
});

test('getContactInfo answers client_name, email, phone, description with null for what is empty', async () => {
  const p = await loadedPage();
  assert.deepEqual(plain(p.api().getContactInfo()), { client_name: null, email: null, phone: null, description: null });
  assert.equal(p.api().setContactInfo({ name: 'John Smith', email: 'email@example.com' }), undefined);
  assert.deepEqual(plain(p.api().getContactInfo()), { client_name: 'John Smith', email: 'email@example.com', phone: null, description: null });
  p.api().setContactInfo({ phone: '+14084987855', description: 'Description text' });
  assert.deepEqual(plain(p.api().getContactInfo()), {
    client_name: 'John Smith', email: 'email@example.com', phone: '+14084987855', description: 'Description text',
  }, 'setContactInfo keeps fields it is not given');
  p.api().setContactInfo({ client_name: 'Ann' });
  assert.equal(p.api().getContactInfo().client_name, 'Ann', 'client_name is accepted on input too');
  p.api().setContactInfo('Ann');
  assert.match(p.calls().at(-1).warning, /takes an object/);
  assert.deepEqual(plain(p.stub.agentView().contactInfo), {
    name: 'Ann', email: 'email@example.com', phone: '+14084987855', description: 'Description text',
  });
});

test('getVisitorNumber answers asynchronously, err first, 1 for the first visitor of the page session', async () => {
  const p = await loadedPage();
  let sync = true;
  const first = answer(p, 'getVisitorNumber');
  const direct = new Promise((r) => p.api().getVisitorNumber((...a) => r(sync)));
  sync = false;
  assert.equal(await direct, false, 'the callback is not called before getVisitorNumber returns');
  assert.deepEqual(await first, [null, 1]);
  assert.deepEqual(await answer(p, 'getVisitorNumber'), [null, 1], 'the same visitor keeps its number');
  p.api().clearHistory();
  assert.deepEqual(await answer(p, 'getVisitorNumber'), [null, 2], 'after clearHistory the visitor is a new one');
  assert.throws(() => p.api().getVisitorNumber(), /callback function/);
});

test('setCustomData: a non-array fails as documented, at most 10 fields (the vendor\'s rules); the rest is advice', async () => {
  const p = await loadedPage();
  const notArray = { result: 'fail', reason: 'Custom data must be array.' };
  assert.deepEqual(plain(p.api().setCustomData({ title: 'x' })), notArray);
  assert.deepEqual(plain(p.api().setCustomData('x')), notArray);
  assert.deepEqual(plain(p.api().setCustomData()), notArray);
  const eleven = Array.from({ length: 11 }, (_, i) => ({ content: 'f' + i }));
  assert.deepEqual(plain(p.api().setCustomData(eleven)), { result: 'fail', reason: 'Custom data must have at most 10 fields, got 11.' });
  assert.equal(plain(p.api().setCustomData(['x'])).result, 'fail');
  assert.deepEqual(plain(p.api().setCustomData(eleven.slice(1))), ok, '10 fields pass');
  assert.deepEqual(plain(p.api().setCustomData([
    { title: 'Actions', content: 'Add contact', link: 'https://crm.example/add' },
    { key: 'Plan', content: 'Pro' },
    { content: 'Bad', link: 'javascript:alert(1)' },
    { content: 'Data', link: 'data:text/html,<b>x</b>' },
    { content: 'Ftp', link: 'ftp://files.example/x' },
    { link: 'https://crm.example/only-a-link' },
    { content: 'Port', link: 'https://crm.example:evil.example/' },
    { title: '', key: '', content: '' },
  ])), ok);
  assert.deepEqual(plain(p.stub.agentView().customData), [
    { title: 'Actions', key: '', content: 'Add contact', link: 'https://crm.example/add' },
    { title: '', key: 'Plan', content: 'Pro', link: '' },
    { title: '', key: '', content: 'Bad', link: 'javascript:alert(1)' },
    { title: '', key: '', content: 'Data', link: 'data:text/html,<b>x</b>' },
    { title: '', key: '', content: 'Ftp', link: 'ftp://files.example/x' },
    { title: '', key: '', content: '', link: 'https://crm.example/only-a-link' },
    { title: '', key: '', content: 'Port', link: 'https://crm.example:evil.example/' },
    { title: '', key: '', content: '', link: '' },
  ]);
  assert.equal(p.calls().at(-1).warning, [
    'fields[2].link is not an absolute http or https URL',
    'fields[3].link is not an absolute http or https URL',
    'fields[4].link has scheme "ftp", only http and https are allowed',
    'fields[5] has no content, title or key',
    'fields[6].link has a port that is not a number from 0 to 65535',
    'fields[7] has no content, title or key',
  ].map((w) => w + ' (advice)').join('; '));
  assert.equal(p.root().byTag('a').length, 2, 'the panel draws only the http(s) links as links');

  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  assert.deepEqual(plain(q.api().setCustomData([{ content: 'Add contact', link: '/crm/add' }])), { result: 'fail', reason: 'fields[0].link is not an absolute http or https URL' });
  assert.deepEqual(plain(q.stub.agentView().customData), []);
});

test('setUserToken answers {result: ok, token}, and fail with the token or false', async () => {
  const p = await loadedPage();
  assert.deepEqual(plain(p.api().setUserToken('v1.abc')), { result: 'ok', token: 'v1.abc' });
  assert.equal(p.stub.agentView().token, 'v1.abc');
  assert.deepEqual(plain(p.api().setUserToken(null)), { result: 'fail', token: false });
  assert.deepEqual(plain(p.api().setUserToken(42)), { result: 'fail', token: 42 });
  assert.equal(p.stub.agentView().token, 'v1.abc', 'a failed call keeps the token');
  assert.deepEqual(plain(p.api().setUserToken(' \u00a0')), { result: 'ok', token: ' \u00a0' }, 'blank is advice');
  assert.equal(p.calls().at(-1).warning, 'token is empty (advice)');
  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  assert.deepEqual(plain(q.api().setUserToken(' \u00a0')), { result: 'fail', token: ' \u00a0' }, 'blank, as jsapi.ValidateUserToken advises, refused in strict mode');
});

test('startCall: ok for a good number, Callback disabled, a reason for a malformed number, Callback unavaiable (the reference\'s spelling) during a call', async () => {
  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  const bad = plain(q.api().startCall('12'));
  assert.equal(bad.result, 'fail', 'strict mode refuses a number jivokit advises against');
  assert.match(bad.reason, /phone has 2 digits/);
  assert.match(plain(q.api().startCall('+1 (408) abc')).reason, /phone contains 'a'/);
  const p = await loadedPage();
  assert.deepEqual(plain(p.api().startCall('+1 (408) 498-7855 ext. 2')), ok, 'by default the vendor decides');
  assert.match(p.calls().at(-1).warning, /phone contains 'e'.*\(advice\)$/);
  p.stub.callEnd(true);
  assert.deepEqual(plain(p.api().startCall('+1 (408) 498-7855')), ok);
  assert.deepEqual(plain(p.stub.agentView().call), { phone: '+1 (408) 498-7855', status: 'requested', reason: '' });
  assert.deepEqual(plain(p.api().startCall('+14084987855')), { result: 'fail', reason: 'Callback unavaiable' });
  p.stub.callEnd(true);
  assert.deepEqual(plain(p.api().startCall('+14084987855')), ok, 'a new call after the last one ended');
  p.stub.setCallbacksEnabled(false);
  assert.deepEqual(plain(p.api().startCall('+14084987855')), { result: 'fail', reason: 'Callback disabled' });
});

test('isCallbackEnabled answers asynchronously: ok, Callback disabled, Callback unavaiable', async () => {
  const p = await loadedPage();
  let called = false;
  const first = new Promise((r) => p.api().isCallbackEnabled((res) => ((called = true), r(plain(res)))));
  assert.equal(called, false, 'not called before isCallbackEnabled returns');
  assert.deepEqual(await first, ok);
  p.api().startCall('+14084987855');
  assert.deepEqual(await answer(p, 'isCallbackEnabled'), [{ result: 'fail', reason: 'Callback unavaiable' }]);
  p.stub.setCallbacksEnabled(false);
  assert.deepEqual(await answer(p, 'isCallbackEnabled'), [{ result: 'fail', reason: 'Callback disabled' }]);
  assert.throws(() => p.api().isCallbackEnabled(null), { name: 'TypeError', message: /callback function/ });
});

test('sendOfflineMessage in strict mode refuses what jsapi.OfflineMessage.Validate advises against', async () => {
  const p = await loadedPage({ attrs: { 'data-strict': '', 'data-offline-message': 'send' } });
  const cases = [
    ['a complete message', { name: 'John Smith', email: 'email@example.com', phone: '+14084987855', description: 'd', message: 'Offline message' }, ''],
    ['e-mail only', { email: 'a@b.example', message: 'hi' }, ''],
    ['phone only', { phone: '+1 408 498 7855', message: 'hi' }, ''],
    ['no message', { email: 'a@b.example' }, 'message is empty'],
    ['blank message', { email: 'a@b.example', message: '  ' }, 'message is empty'],
    ['nowhere to answer', { name: 'Ann', message: 'hi' }, 'email and phone are both empty; give one to answer to'],
    ['bad e-mail', { email: 'ann', message: 'hi' }, 'email is not an e-mail address'],
    ['e-mail without a dot', { email: 'ann@localhost', message: 'hi' }, 'email has no dot in its domain'],
    ['e-mail with a space', { email: 'a n@b.example', message: 'hi' }, 'email contains a character an e-mail address cannot have'],
    ['bad phone', { phone: '123', message: 'hi' }, 'phone has 3 digits, a phone number has 5 to 15'],
    ['good e-mail, bad phone', { email: 'a@b.example', phone: 'call me', message: 'hi' }, "phone contains 'c'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"],
    ['not an object', 'hello', 'message must be an object'],
    ['a number for a message', { email: 'a@b.example', message: 5 }, 'message is not a string'],
  ];
  for (const [name, msg, error] of cases) {
    const got = plain(p.api().sendOfflineMessage(msg));
    assert.deepEqual(got, error ? { result: 'fail', error } : ok, name);
  }
  assert.equal(p.stub.agentView().offlineMessages.length, 3);
  // By default only what cannot be written is refused; the rest is sent,
  // with the advice.
  const q = await loadedPage({ attrs: { 'data-offline-message': 'send' } });
  for (const [name, msg, error] of cases) {
    const got = plain(q.api().sendOfflineMessage(msg));
    const refused = /is not a string|must be an object/.test(error);
    assert.deepEqual(got, refused ? { result: 'fail', error } : ok, name);
    assert.equal(q.calls().at(-1).warning, error && !refused ? error + ' (advice)' : undefined, name);
  }
  assert.equal(q.stub.agentView().offlineMessages.length, cases.length - 2);
});

test('sendOfflineMessage fills the offline form by default (the newer docs), and the visitor sends it; data-offline-message="send" sends at once (the reference)', async () => {
  const p = await loadedPage();
  assert.deepEqual(plain(p.api().sendOfflineMessage({ email: 'ann@example.com', message: 'Call me' })), ok);
  assert.equal(p.stub.state(), 'chat', 'the form is shown');
  assert.deepEqual(plain(p.stub.offlineForm()), { name: '', email: 'ann@example.com', phone: '', description: '', message: 'Call me' });
  assert.equal(p.stub.agentView().offlineMessages.length, 0, 'not sent until the visitor sends it');
  assert.match(p.text(), /Offline form/);
  p.stub.visitorSendOfflineForm();
  assert.equal(p.stub.offlineForm(), null);
  assert.equal(p.stub.agentView().offlineMessages.length, 1);
  assert.equal(p.stub.agentView().offlineMessages[0].message, 'Call me');
  assert.throws(() => p.stub.visitorSendOfflineForm(), /no offline form/);
  const q = await loadedPage({ attrs: { 'data-offline-message': 'send' } });
  q.api().sendOfflineMessage({ email: 'ann@example.com', message: 'Call me' });
  assert.equal(q.stub.agentView().offlineMessages.length, 1);
  assert.equal(q.stub.offlineForm(), null);
  const r = await loadedPage({ attrs: { 'data-offline-message': 'fax' } });
  assert.deepEqual(plain(r.stub.problems), ['data-offline-message="fax" is not form or send; using form']);
  assert.equal(r.stub.options.offlineMessage, 'form');
});

test('showProactiveInvitation opens the chat with the text; the agent sees the invitation and department', async () => {
  const p = await loadedPage();
  const states = [];
  p.win.jivo_onChangeState = (s) => states.push(s);
  assert.equal(p.api().showProactiveInvitation('How can I help you?', 3), undefined);
  assert.equal(p.stub.state(), 'chat');
  assert.deepEqual(states, ['chat']);
  assert.deepEqual(plain(p.stub.agentView().invitation), { text: 'How can I help you?', department_id: 3 });
  p.api().showProactiveInvitation('Hi', -2);
  assert.equal(p.calls().at(-1).warning, 'department_id is negative (advice)');
  assert.deepEqual(plain(p.stub.agentView().invitation), { text: 'Hi', department_id: -2 }, 'advice: shown');
  p.api().showProactiveInvitation(5);
  assert.equal(p.calls().at(-1).warning, 'invitation_text is not a string; ignored');
  const q = await loadedPage({ attrs: { 'data-strict': '' } });
  q.api().showProactiveInvitation('');
  assert.equal(q.calls().at(-1).warning, 'invitation_text is empty; ignored');
  q.api().showProactiveInvitation('\ufeff');
  assert.equal(q.calls().at(-1).warning, undefined, 'a byte order mark is no white space, as in Go');
  q.api().showProactiveInvitation('Hi', -2);
  assert.equal(q.calls().at(-1).warning, 'department_id is negative; ignored');
  q.api().showProactiveInvitation('Hi', 1.5);
  assert.equal(q.calls().at(-1).warning, 'department_id is not a whole number; ignored');
  assert.deepEqual(plain(q.stub.agentView().invitation), { text: '\ufeff', department_id: null }, 'refused as Go\'s strict mode refuses it: nothing shown');
});

test('setWidgetColor takes hex colours; the rest is advice, which strict mode refuses', async () => {
  const p = await loadedPage({ attrs: { 'data-strict': '' } });
  p.api().setWidgetColor('#1e88e5', '#43A047');
  assert.deepEqual([p.stub.agentView().color, p.stub.agentView().color2], ['#1e88e5', '#43A047']);
  p.api().setWidgetColor('#fff');
  assert.deepEqual([p.stub.agentView().color, p.stub.agentView().color2], ['#fff', null]);
  for (const [c, c2] of [['red'], ['#12345'], ['#ggg'], ['#fff', 'blue'], ['#fff;background:url(x)']]) {
    p.api().setWidgetColor(c, c2);
    assert.match(p.calls().at(-1).warning, /is not a hex colour/, String(c) + ' ' + String(c2));
  }
  assert.equal(p.stub.agentView().color, '#fff', 'refused colours change nothing');
  const q = await loadedPage();
  q.api().setWidgetColor('teal');
  assert.equal(q.calls().at(-1).warning, 'color "teal" is not a hex colour like #1e88e5 or #fff (advice)');
  assert.equal(q.stub.agentView().color, 'teal');
});

test('sendPageTitle, setClientAttributes and setRules reach what the agent sees', async () => {
  const p = await loadedPage();
  p.api().sendPageTitle('Cart', true, 'https://shop.example/cart');
  assert.deepEqual(plain(p.stub.agentView().pageTitle), { title: 'Cart', fromApi: true, url: 'https://shop.example/cart' });
  p.api().setClientAttributes({ plan: 'pro', seats: 5 });
  p.api().setClientAttributes({ seats: 6 });
  assert.deepEqual(plain(p.stub.agentView().clientAttributes), { plan: 'pro', seats: 6 });
  p.api().setClientAttributes({ bad: { x: 1 } });
  assert.equal(p.calls().at(-1).warning, 'attributes["bad"] is neither a string nor a number; ignored');
  p.api().setClientAttributes({ z: true, b: null, a: 1 });
  assert.equal(p.calls().at(-1).warning, 'attributes["b"] is neither a string nor a number; ignored', 'the smallest bad id, as Go');
  for (let i = 0; i < 9; i++) p.api().setClientAttributes({ n: i });
  assert.equal(p.calls().at(-1).warning, 'setClientAttributes has been called 11 times within the hour; the vendor takes at most 10; dropped', 'the vendor allows 10 calls an hour');
  assert.equal(p.stub.agentView().clientAttributes.n, 7);
  p.api().setRules({ rules: [{ name: 'r' }] });
  assert.deepEqual(plain(p.stub.agentView().rules), { rules: [{ name: 'r' }] });
});

test('setClientAttributes: the vendor\'s 10 calls per hour per visitor; an hour later ten more', async () => {
  let now = 1e12;
  const p = await loadedPage({ before: (win) => { win.Date.now = () => now; } });
  for (let i = 0; i < 10; i++) p.api().setClientAttributes({ n: i });
  assert.equal(p.calls().at(-1).warning, undefined);
  now += 30 * 60 * 1000;
  p.api().setClientAttributes({ n: 10 });
  assert.equal(p.calls().at(-1).warning, 'setClientAttributes has been called 11 times within the hour; the vendor takes at most 10; dropped');
  assert.equal(p.stub.agentView().clientAttributes.n, 9);
  now += 30 * 60 * 1000 + 1;
  p.api().setClientAttributes({ n: 11 });
  assert.equal(p.calls().at(-1).warning, undefined, 'the first calls are over an hour old');
  assert.equal(p.stub.agentView().clientAttributes.n, 11);
  p.api().setClientAttributes({});
  assert.equal(p.calls().at(-1).warning, "attributes sets no attribute; the call still counts against the vendor's limit (advice)");
});

test('getUnreadMessagesCount counts agent messages received while the chat is closed', async () => {
  const p = await loadedPage();
  assert.equal(p.api().getUnreadMessagesCount(), 0);
  p.stub.agentMessage('one');
  p.stub.agentMessage('two');
  assert.equal(p.api().getUnreadMessagesCount(), 2);
  p.api().open();
  assert.equal(p.api().getUnreadMessagesCount(), 0, 'opening the chat reads them');
  p.stub.agentMessage('three');
  assert.equal(p.api().getUnreadMessagesCount(), 0, 'read at once while open');
});

test('getUtm reads utm_* from location.search', async () => {
  const p = await loadedPage({ search: '?utm_source=google&utm_medium=cpc&utm_campaign=spring+sale&utm_content=banner%201&utm_term=x&other=1&utm_bogus=2' });
  assert.deepEqual(plain(p.api().getUtm()), { source: 'google', medium: 'cpc', campaign: 'spring sale', content: 'banner 1', term: 'x' });
  const q = await loadedPage();
  assert.deepEqual(plain(q.api().getUtm()), {});
});

test('clearHistory forgets contacts and messages', async () => {
  const p = await loadedPage();
  p.api().setContactInfo({ name: 'Ann' });
  p.stub.visitorMessage('hello');
  p.stub.agentMessage('hi');
  p.api().sendOfflineMessage({ email: 'a@b.example', message: 'later' });
  p.api().clearHistory();
  const v = plain(p.stub.agentView());
  assert.deepEqual(v.contactInfo, { name: null, email: null, phone: null, description: null });
  assert.deepEqual(v.messages, []);
  assert.deepEqual(v.offlineMessages, []);
  assert.equal(p.api().getUnreadMessagesCount(), 0);
});

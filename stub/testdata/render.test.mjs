// The visible widget: what a screenshot shows, written as text, never markup.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadedPage } from './page.mjs';

const hostile = '</script><script>alert(1)</script><b>bold</b><!--';

test('one root element with a distinctive id and class, one <style>, no external resources', async () => {
  const p = await loadedPage();
  const root = p.root();
  assert.equal(root.parentNode, p.doc.body);
  assert.equal(root.className, 'jivokit-stub');
  assert.deepEqual(p.doc.body.children.map((n) => n.id), ['jivo-iframe-container', 'jivokit-stub', 'jivokit-stub-jdiv'], 'the iframe\'s container, the panel, the <jdiv> widget');
  const styles = root.byTag('style');
  assert.equal(styles.length, 1);
  assert.doesNotMatch(styles[0].textContent, /url\(|@import/);
  for (const n of root.find(() => true)) {
    assert.ok(!['SCRIPT', 'IMG', 'IFRAME', 'LINK'].includes(n.tagName), n.tagName);
    assert.equal(n.getAttribute('src'), null);
  }
  assert.match(p.text(), /JivoChat stub/);
  assert.match(p.text(), /state: label/);
  assert.match(p.text(), /Chat with us/);
});

test('the chat window shows the messages; the bar shows the state and mode', async () => {
  const p = await loadedPage();
  p.stub.visitorMessage('Where is my order?');
  p.stub.agentMessage('Let me check.');
  assert.equal(p.root().getAttribute('data-state'), 'chat');
  const msgs = p.root().byClass('jks-msg').map((n) => n.textContent);
  assert.deepEqual(msgs, ['Visitor: Where is my order?', 'Agent: Let me check.']);
  p.stub.setOnline(false);
  assert.match(p.text(), /offline/);
  assert.equal(p.root().getAttribute('data-mode'), 'offline');
});

test('the agent panel shows contact info and custom data as the agent sees them, all as text', async () => {
  const p = await loadedPage();
  p.api().setContactInfo({ name: hostile, email: 'ann@example.com' });
  p.api().setUserToken('v1.token');
  p.api().setCustomData([
    { title: 'Orders', key: 'Last', content: hostile, link: 'https://shop.example/o/1' },
    { key: 'Plan', content: 'Pro' },
    { content: 'Phish', link: 'javascript:alert(1)' },
  ]);
  const agent = p.root().byClass('jks-agent')[0];
  const text = agent.textContent;
  assert.ok(text.includes('Name: ' + hostile), 'markup in data is shown as text');
  assert.ok(text.includes('Token: v1.token'));
  assert.equal(agent.byTag('script').length, 0);
  const fields = agent.byClass('jks-field');
  assert.equal(fields.length, 3);
  // Title above, key in bold before a colon, the content as a link when safe.
  assert.equal(fields[0].children[0].className, 'jks-title');
  assert.equal(fields[0].children[0].textContent, 'Orders');
  const line = fields[0].children[1];
  assert.equal(line.children[0].tagName, 'B');
  assert.equal(line.children[0].textContent, 'Last');
  assert.equal(line.textContent, 'Last: ' + hostile);
  const a = line.byTag('a')[0];
  assert.equal(a.getAttribute('href'), 'https://shop.example/o/1');
  assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(a.textContent, hostile);
  assert.equal(fields[1].textContent, 'Plan: Pro');
  assert.equal(fields[2].byTag('a').length, 0, 'an unsafe link is not drawn');
  assert.equal(fields[2].textContent, 'Phish');
});

test('the call form shows the phone and the call status', async () => {
  const p = await loadedPage();
  p.api().open({ start: 'call' });
  p.api().startCall('+14084987855');
  const visitor = p.root().byClass('jks-visitor')[0].textContent;
  assert.match(visitor, /Call me back/);
  assert.match(visitor, /Phone: \+14084987855/);
  assert.match(visitor, /Status: requested/);
  p.stub.callEnd(false, 'No answer');
  assert.match(p.root().byClass('jks-visitor')[0].textContent, /Status: failed \(No answer\)/);
});

test('the widget colour paints the label; clicking it opens the chat, × closes it', async () => {
  const p = await loadedPage();
  p.api().setWidgetColor('#1e88e5', '#43a047');
  const label = p.root().byClass('jks-label')[0];
  assert.equal(label.style.background, 'linear-gradient(90deg,#1e88e5,#43a047)');
  const seen = [];
  p.win.jivo_onOpen = () => seen.push('open');
  p.win.jivo_onClose = () => seen.push('close');
  label.dispatch('click');
  assert.equal(p.stub.state(), 'chat');
  const close = p.root().find((n) => n.tagName === 'BUTTON' && n.getAttribute('title') === 'close')[0];
  close.dispatch('click');
  assert.equal(p.stub.state(), 'label');
  assert.deepEqual(seen, ['open', 'close']);
  assert.deepEqual(p.calls().map((c) => c.method), ['setWidgetColor'], 'visitor clicks are not page calls');
});

test('invitation, page title, attributes and offline messages are shown to the agent', async () => {
  const p = await loadedPage();
  p.api().showProactiveInvitation('Need help?', 3);
  p.api().sendPageTitle('Cart', true, 'https://shop.example/cart');
  p.api().setClientAttributes({ plan: 'pro' });
  p.api().sendOfflineMessage({ email: 'a@b.example', message: 'Call me' });
  assert.match(p.root().byClass('jks-visitor')[0].textContent, /Offline formMessage: Call meReply to: a@b\.example/);
  p.root().byClass('jks-send-offline')[0].dispatch('click');
  const text = p.root().byClass('jks-agent')[0].textContent;
  for (const want of ['Invitation: Need help? (department 3)', 'Page: Cart - https://shop.example/cart', 'plan: pro', 'Offline messages: 1, last: Call me']) {
    assert.ok(text.includes(want), want + ' in ' + text);
  }
  assert.match(p.root().byClass('jks-visitor')[0].textContent, /Invitation: Need help\?/);
});

test('jivokit\'s advice about what the page passed is listed in the panel, the latest last', async () => {
  const p = await loadedPage();
  p.api().setContactInfo({ email: 'admin@intranet' });
  p.api().setCustomData([{ content: 'Add contact', link: '/crm/add' }]);
  const advice = p.root().byClass('jks-advice').map((e) => e.textContent);
  assert.deepEqual(advice, ['advice: email has no dot in its domain', 'advice: fields[0].link is not an absolute http or https URL']);
  for (let i = 0; i < 6; i++) p.api().startCall('x' + i);
  assert.equal(p.root().byClass('jks-advice').length, 5, 'at most five');
});

test('the <style> element carries the script\'s CSP nonce', async () => {
  const p = await loadedPage({ attrs: { nonce: 'r4nd0m' } });
  assert.equal(p.root().byTag('style')[0].getAttribute('nonce'), 'r4nd0m');
  const q = await loadedPage();
  assert.equal(q.root().byTag('style')[0].getAttribute('nonce'), null);
});

test('the panel collapses to its bar and back with a keyboard-accessible button', async () => {
  const p = await loadedPage();
  const toggle = () => p.root().byClass('jks-toggle')[0];
  const body = () => p.root().byClass('jks-body')[0];
  let t = toggle();
  // A real button in the bar: the keyboard reaches it, Enter and Space press it.
  assert.equal(t.tagName, 'BUTTON');
  assert.equal(t.getAttribute('type'), 'button');
  assert.equal(t.parentNode.className, 'jks-bar');
  assert.equal(t.getAttribute('aria-expanded'), 'true');
  assert.equal(t.getAttribute('aria-controls'), body().id);
  assert.equal(p.doc.getElementById(t.getAttribute('aria-controls')), body());
  assert.equal(t.textContent, 'hide');
  assert.equal(body().getAttribute('hidden'), null);
  assert.equal(p.root().getAttribute('data-collapsed'), null);

  t.focus();
  t.dispatch('click');
  t = toggle();
  assert.equal(t.getAttribute('aria-expanded'), 'false');
  assert.equal(t.textContent, 'show');
  assert.equal(body().getAttribute('hidden'), '', 'the chat and the agent panel are hidden');
  assert.equal(p.root().getAttribute('data-collapsed'), '');
  assert.equal(p.doc.activeElement, t, 'the focus stays on the button');
  // The bar still tells the state.
  assert.match(p.root().byClass('jks-bar')[0].textContent, /JivoChat stub.*state: label/);

  // It stays collapsed while the widget changes, and still records.
  p.stub.visitorMessage('Hello from the visitor');
  assert.equal(toggle().getAttribute('aria-expanded'), 'false');
  assert.equal(body().getAttribute('hidden'), '');
  assert.equal(p.doc.activeElement, toggle(), 'a redraw keeps the focus on the button');
  assert.match(body().textContent, /Hello from the visitor/);

  toggle().dispatch('click');
  assert.equal(toggle().getAttribute('aria-expanded'), 'true');
  assert.equal(toggle().textContent, 'hide');
  assert.equal(body().getAttribute('hidden'), null);
  assert.equal(p.root().getAttribute('data-collapsed'), null);
});

test('the collapsed panel is drawn by the stylesheet as its bar alone', async () => {
  const p = await loadedPage();
  const css = p.root().byTag('style')[0].textContent;
  assert.match(css, /#jivokit-stub\[data-collapsed\]\{width:auto\}/);
  assert.match(css, /#jivokit-stub \[hidden\]\{display:none!important\}/);
});

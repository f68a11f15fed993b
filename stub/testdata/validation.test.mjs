// The shared validation cases (jsapi/testdata/validation.json, which Go's
// jsapi tests read too) against the stub's checks: the source module, and
// the built stub through the methods that answer with a check's message.
// The Go test passes the file in JIVOKIT_VALIDATION_CASES.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as v from '../src/validate.js';
import { loadedPage, plain } from './page.mjs';

const file = process.env.JIVOKIT_VALIDATION_CASES || new URL('../../jsapi/testdata/validation.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(file, 'utf8'));

const check = {
  phone: (x) => v.phoneProblem(x),
  email: (x) => v.emailProblem(x),
  color: (x) => v.colorProblem(x),
  widgetColor: (x) => v.widgetColorProblem(x.color, x.color2),
  link: (x) => v.linkProblem(x),
  offline: (x) => v.offlineMessageProblem(x),
  customData: (x) => v.customDataProblem(x),
  invitation: (x) => v.invitationProblem(x.text, x.department_id),
  open: (x) => v.startProblem(x.start),
  attributes: (x) => v.attributesProblem(x),
};

test('the case file has cases of every kind the stub checks', () => {
  assert.ok(cases.length > 50);
  for (const kind of Object.keys(check)) assert.ok(cases.some((c) => c.kind === kind), kind);
});

for (const c of cases) {
  test('validate.js: ' + c.name, () => {
    assert.ok(check[c.kind], 'unknown kind ' + c.kind);
    assert.equal(check[c.kind](c.input), c.valid ? '' : c.message, JSON.stringify(c.input));
  });
}

test('the built stub answers with the same messages: startCall, sendOfflineMessage, open, setWidgetColor', async () => {
  const p = await loadedPage();
  for (const c of cases) {
    const api = p.api();
    switch (c.kind) {
      case 'phone': {
        const got = plain(api.startCall(c.input));
        if (got.result === 'ok') p.stub.callEnd(true);
        assert.deepEqual(got, c.valid ? { result: 'ok' } : { result: 'fail', reason: 'Wrong phone number: ' + c.message }, c.name);
        break;
      }
      case 'offline':
        assert.deepEqual(plain(api.sendOfflineMessage(c.input)), c.valid ? { result: 'ok' } : { result: 'fail', error: c.message }, c.name);
        break;
      case 'open':
        assert.deepEqual(plain(api.open(c.input)), c.valid ? { result: 'ok' } : { result: 'fail', reason: c.message }, c.name);
        break;
      case 'widgetColor':
        api.setWidgetColor(c.input.color, c.input.color2);
        assert.equal(p.calls().at(-1).warning, c.valid ? undefined : c.message + '; ignored', c.name);
        break;
    }
  }
});

test('checks the Go types rule out', () => {
  assert.equal(v.phoneProblem(5), 'phone is not a string');
  assert.equal(v.attributesProblem({ a: Infinity }), 'attributes["a"] is not a finite number');
  assert.equal(v.attributesProblem({ a: NaN }), 'attributes["a"] is not a finite number');
  assert.equal(v.invitationProblem('hi', 1.5), 'department_id is not a whole number');
  assert.equal(v.customDataProblem({}), 'fields is not an array');
  assert.equal(v.customDataProblem([null]), 'fields[0] is not an object');
  assert.equal(v.colorProblem(undefined), 'color "" is not a hex colour like #1e88e5 or #fff', 'none is empty, as Go\'s zero value');
  assert.equal(v.colorProblem(12), 'color "12" is not a hex colour like #1e88e5 or #fff');
});

test('isBlank is Go\'s strings.TrimSpace set: U+0085 is white space, U+FEFF and U+200B are not', () => {
  for (const s of ['', ' ', '\t\n\v\f\r', '\u0085', '\u00a0', '\u1680', '\u2000\u200a', '\u2028\u2029', '\u202f\u205f\u3000']) {
    assert.equal(v.isBlank(s), true, JSON.stringify(s));
  }
  for (const s of ['\ufeff', '\u200b', '\u180e', 'x', ' x ']) assert.equal(v.isBlank(s), false, JSON.stringify(s));
});

test('quote reads by code point', () => {
  assert.equal(v.quote('\ud83d\ude00', "'"), "'\ud83d\ude00'");
  assert.equal(v.quote('a\udc00b', '"'), '"a\ufffdb"');
  assert.equal(v.quote('\u0000\u001f\b\f', '"'), '"\\x00\\x1f\\x08\\x0c"');
});

test('the interpreter runs every rule of rules.gen.js and refuses a step it does not know', () => {
  for (const [name, r] of Object.entries(v.rules)) {
    for (const s of ['', 'x', '#fff', 'https://example.com', '+14084987855', 'ann@example.com']) {
      assert.equal(typeof v.check(r, s), 'string', name + ' ' + s);
    }
  }
  assert.throws(() => v.check({ field: 'x', steps: [{ op: 'regex', problem: 'p' }] }, 'a'), /unknown rule step regex/);
  assert.equal(v.check({ field: 'x', steps: [{ op: 'count', class: [0x30, 0x39], lo: 2, hi: 3, problem: 'has {n}, {lo} to {hi}' }] }, 'a1'), 'x has 1, 2 to 3');
  assert.equal(v.fill('{c} {v}', 'a\u00a0', 0, 0, 0), "'a\\u00a0' \"a\\u00a0\"");
});

test('setContactInfo\'s check: jsapi.ContactInfo.Validate, each field when given', () => {
  assert.equal(v.contactProblem({ email: 'not-an-email' }), 'email is not an e-mail address');
  assert.equal(v.contactProblem({ email: 'a@b.example', phone: '12' }), 'phone has 2 digits, a phone number has 5 to 15');
  assert.equal(v.contactProblem({ name: 'Ann', email: '', phone: null }), '');
  assert.equal(v.contactProblem({ description: 5 }), 'description is not a string');
  assert.equal(v.contactProblem('x'), 'info is not an object');
});

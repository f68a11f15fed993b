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
  contact: (x) => v.contactProblem(x),
  title: (x) => v.titleProblem(x.title, x.url),
};

// outcome is a check's result as the case file writes it: the default
// mode's outcome and message, and the strict mode's outcome.
function outcome(p) {
  if (!p) return { default: 'kept', strict: 'kept', message: '' };
  assert.ok(['vendor', 'advice', 'form'].includes(p.kind), 'kind ' + p.kind);
  return { default: p.kind === 'advice' ? 'advice' : 'refused', strict: v.refuses(p, true) ? 'refused' : 'kept', message: p.message };
}

test('the case file has cases of every kind the stub checks', () => {
  assert.ok(cases.length > 50);
  for (const kind of Object.keys(check)) assert.ok(cases.some((c) => c.kind === kind), kind);
});

for (const c of cases) {
  test('validate.js: ' + c.name, () => {
    assert.ok(check[c.kind], 'unknown kind ' + c.kind);
    const p = check[c.kind](c.input);
    assert.deepEqual(outcome(p), { default: c.default, strict: c.strict, message: c.message || '' }, JSON.stringify(c.input));
    assert.equal(v.refuses(p, false), c.default === 'refused');
  });
}

// The built stub, in the default mode and in strict mode, through the
// methods that answer with a check's message: a refusal fails the call; in
// the default mode advice goes through with a warning on the call's record.
for (const strict of [false, true]) {
  test('the built stub (' + (strict ? 'strict' : 'default') + ' mode) answers with the same outcomes and messages: startCall, sendOfflineMessage, open, setWidgetColor, setCustomData', async () => {
    const p = await loadedPage({ attrs: strict ? { 'data-strict': '' } : {} });
    for (const c of cases) {
      const api = p.api();
      const outcome = strict ? c.strict : c.default;
      const warning = outcome === 'advice' ? c.message + ' (advice)' : undefined;
      switch (c.kind) {
        case 'phone': {
          const got = plain(api.startCall(c.input));
          if (got.result === 'ok') p.stub.callEnd(true);
          assert.deepEqual(got, outcome === 'refused' ? { result: 'fail', reason: 'Wrong phone number: ' + c.message } : { result: 'ok' }, c.name);
          assert.equal(p.calls().at(-1).warning, warning, c.name);
          break;
        }
        case 'offline':
          assert.deepEqual(plain(api.sendOfflineMessage(c.input)), outcome === 'refused' ? { result: 'fail', error: c.message } : { result: 'ok' }, c.name);
          assert.equal(p.calls().at(-1).warning, warning, c.name);
          break;
        case 'open':
          assert.deepEqual(plain(api.open(c.input)), outcome === 'refused' ? { result: 'fail', reason: c.message } : { result: 'ok' }, c.name);
          assert.equal(p.calls().at(-1).warning, warning, c.name);
          break;
        case 'widgetColor':
          api.setWidgetColor(c.input.color, c.input.color2);
          assert.equal(p.calls().at(-1).warning, outcome === 'refused' ? c.message + '; ignored' : warning, c.name);
          break;
        case 'customData': {
          const got = plain(api.setCustomData(c.input));
          if (outcome === 'refused') assert.equal(got.result, 'fail', c.name);
          else assert.deepEqual(got, { result: 'ok' }, c.name);
          if (outcome !== 'refused') assert.equal(p.stub.agentView().customData.length, c.input.length, c.name + ': every field is kept');
          break;
        }
      }
    }
  });
}

test('checks the Go types rule out', () => {
  assert.deepEqual(v.phoneProblem(5), { message: 'phone is not a string', kind: 'form' });
  assert.deepEqual(v.attributesProblem({ a: Infinity }), { message: 'attributes["a"] is not a finite number', kind: 'form' });
  assert.deepEqual(v.attributesProblem({ a: NaN }), { message: 'attributes["a"] is not a finite number', kind: 'form' });
  assert.deepEqual(v.invitationProblem('hi', 1.5), { message: 'department_id is not a whole number', kind: 'advice' });
  assert.deepEqual(v.customDataProblem({}), { message: 'fields is not an array', kind: 'vendor' });
  assert.deepEqual(v.customDataProblem([null]), { message: 'fields[0] is not an object', kind: 'form' });
  assert.deepEqual(v.customDataProblem([{ link: '/a' }, null]), { message: 'fields[1] is not an object', kind: 'form' }, 'a refusal after advice');
  assert.deepEqual(v.colorProblem(undefined), { message: 'color "" is not a hex colour like #1e88e5 or #fff', kind: 'advice' }, 'none is empty, as Go\'s zero value');
  assert.deepEqual(v.colorProblem(12), { message: 'color "12" is not a hex colour like #1e88e5 or #fff', kind: 'advice' });
  assert.deepEqual(v.titleProblem('t', 5), { message: 'url is not a string', kind: 'form' });
  assert.equal(v.capTitle('\ud83d\ude00'.repeat(1030)), '\ud83d\ude00'.repeat(1024), 'cut by code point');
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
      const p = v.check(r, s);
      assert.ok(p === null || (typeof p.message === 'string' && ['vendor', 'advice', 'form'].includes(p.kind)), name + ' ' + s);
    }
  }
  assert.throws(() => v.check({ field: 'x', steps: [{ op: 'regex', problem: 'p' }] }, 'a'), /unknown rule step regex/);
  assert.deepEqual(v.check({ field: 'x', steps: [{ op: 'count', kind: 'advice', class: [0x30, 0x39], lo: 2, hi: 3, problem: 'has {n}, {lo} to {hi}' }] }, 'a1'), { message: 'x has 1, 2 to 3', kind: 'advice' });
  // A later step of the vendor's or the form's wins over earlier advice;
  // later advice is skipped.
  const r = { field: 'x', steps: [
    { op: 'blank', kind: 'advice', problem: 'a' }, { op: 'oneOf', kind: 'advice', extra: 'q', problem: 'b' }, { op: 'oneOf', kind: 'vendor', extra: 'z', problem: 'c' },
  ] };
  assert.deepEqual(v.check(r, ''), { message: 'x c', kind: 'vendor' });
  assert.deepEqual(v.check(r, 'z'), { message: 'x b', kind: 'advice' });
  assert.equal(v.fill('{c} {v}', 'a\u00a0', 0, 0, 0), "'a\\u00a0' \"a\\u00a0\"");
});

test('setContactInfo\'s check: jsapi.ContactInfo.Validate, each field when given', () => {
  assert.deepEqual(v.contactProblem({ email: 'not-an-email' }), { message: 'email is not an e-mail address', kind: 'advice' });
  assert.deepEqual(v.contactProblem({ email: 'a@b.example', phone: '12' }), { message: 'phone has 2 digits, a phone number has 5 to 15', kind: 'advice' });
  assert.equal(v.contactProblem({ name: 'Ann', email: '', phone: null }), null);
  assert.deepEqual(v.contactProblem({ description: 5 }), { message: 'description is not a string', kind: 'form' });
  assert.deepEqual(v.contactProblem('x'), { message: 'info is not an object', kind: 'form' });
});

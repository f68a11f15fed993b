// The method-table check: a stub built against a table it does not match
// says so loudly. These tests run the stub's source modules directly with
// a changed table.
import test from 'node:test';
import assert from 'node:assert/strict';
import { FakeDocument } from './fakedom.mjs';
import { callbacks, methods } from '../../jsapi/runtime/src/methods.gen.js';
import { createWidget } from '../src/widget.js';
import { createView } from '../src/render.js';
import { createControl } from '../src/control.js';
import { checkTable } from '../src/table.js';

function build(table, cbs) {
  const errors = [];
  const doc = new FakeDocument();
  const win = { setTimeout, clearTimeout, console: { error: (m) => errors.push(String(m)), warn() {} }, location: { search: '' }, WebSocket() {}, document: doc };
  doc.defaultView = win;
  doc.runInFrame = (code, frame) => new Function('window', 'parent', code)(frame, win);
  const w = createWidget(win, createView(doc), { loadDelay: 0, offline: false, callbacksDisabled: false, neverLoad: false, locale: 'en', failure: '', stopWords: [], fast: true }, [], table, cbs);
  win.jivokitStub = createControl(w);
  w.start();
  return { w, win, doc, errors };
}

test('the real table matches', () => {
  const { w, errors } = build(methods, callbacks);
  assert.equal(w.tableCheck.ok, true, w.tableCheck.message);
  assert.deepEqual(errors, []);
});

test('a table with a method the stub lacks, or without one it has, is reported loudly', async () => {
  const table = methods.filter((m) => m.name !== 'getUtm').concat([{ name: 'sendRating', answer: 'status', params: [] }]);
  const { win, doc, errors } = build(table, callbacks.concat(['jivo_onRate']));
  const check = win.jivokitStub.tableCheck;
  assert.equal(check.ok, false);
  assert.deepEqual(check.missingMethods, ['sendRating']);
  assert.deepEqual(check.extraMethods, ['getUtm']);
  assert.deepEqual(check.missingCallbacks, ['jivo_onRate']);
  assert.match(errors.join('\n'), /does not match the method table: methods in the table it does not implement: sendRating; methods it implements that the table lacks: getUtm; callbacks in the table it never fires: jivo_onRate/);
  for (let i = 0; i < 200 && !win.jivokitStub.loaded(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(win.jivokitStub.loaded(), true);
  assert.equal(win.jivo_api.getUtm, undefined, 'jivo_api has only the table\'s methods');
  assert.match(doc.getElementById('jivokit-stub').byClass('jks-problem')[0].textContent, /sendRating/, 'shown in red in the widget');
});

test('checkTable lists callbacks the stub fires that the table lacks', () => {
  const r = checkTable({ open() {} }, [{ name: 'open' }], callbacks.filter((c) => c !== 'jivo_onAccept'));
  assert.deepEqual(r.extraCallbacks, ['jivo_onAccept']);
  assert.equal(r.ok, false);
});

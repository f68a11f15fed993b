// The stub against the spec as Go has it (jsapi.Methods, jsapi.Callbacks),
// passed in JIVOKIT_STUB_SPEC by the Go test, independent of the generated
// table: the stub has exactly the spec's methods and fires its callbacks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadedPage, plain } from './page.mjs';

const spec = process.env.JIVOKIT_STUB_SPEC ? JSON.parse(process.env.JIVOKIT_STUB_SPEC) : null;

test('the stub implements exactly the methods of jsapi.Methods()', { skip: !spec && 'run by the Go test' }, async () => {
  const p = await loadedPage();
  const want = spec.methods.filter((m) => !m.global).map((m) => m.name).sort();
  assert.deepEqual(Object.keys(p.api()).sort(), want);
  for (const m of spec.methods.filter((m) => m.global)) assert.equal(typeof p.win[m.name], 'function', m.name);
  assert.equal(p.stub.tableCheck.ok, true, p.stub.tableCheck.message);
});

test('the stub can fire every callback of jsapi.Callbacks()', { skip: !spec && 'run by the Go test' }, async () => {
  const p = await loadedPage();
  p.stub.visitorMessage('Hello');
  p.api().close();
  p.api().showProactiveInvitation('Hi');
  p.stub.visitorIntroduce({ name: 'Ann' });
  p.stub.agentAccept();
  p.stub.agentMessage('Hi Ann');
  p.stub.resize();
  p.stub.callStart();
  p.stub.callEnd(true);
  p.stub.destroy();
  const fired = new Set(plain(p.stub.events()).map((e) => e.callback));
  assert.deepEqual([...fired].sort(), [...spec.callbacks].sort());
});

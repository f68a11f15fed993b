// Coalescing is a property of each method: a runtime whose method table
// has two coalescing methods (setClientAttributes and, in this test's
// table only, setContactInfo) keeps a burst per method. Run: go test -run
// CoalescingPerMethod ./jsapi/runtime, which builds that runtime.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage } from './page.mjs';

const plain = (x) => JSON.parse(JSON.stringify(x));
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

// The cases wait out one-second windows: they run concurrently, each on a
// page of its own.
describe('per-method coalescing', { concurrency: true }, () => {
  it('the test table has two coalescing methods', () => {
    const p = newPage();
    assert.deepEqual(
      plain(p.jk.methods.filter((m) => m.coalesce).map((m) => m.name).sort()),
      ['setClientAttributes', 'setContactInfo'],
    );
  });

  it('two coalescing methods burst separately: each call reaches its own method with its own arguments', async () => {
    const p = newPage();
    p.load();
    assert.equal(p.jk.call('setClientAttributes', { a: 1 }), true, 'the first of a burst goes at once');
    assert.equal(p.jk.call('setContactInfo', { name: 'Ann' }), true, "another method's first call goes at once too");
    const attrs = p.jk.call('setClientAttributes', { a: 2 });
    const contact = p.jk.call('setContactInfo', { name: 'Bob' });
    const contact2 = p.jk.call('setContactInfo', { name: 'Cy' });
    assert.notEqual(attrs, contact, 'held calls of two methods do not share an answer');
    assert.equal(contact, contact2, 'held calls of one method share one answer');
    assert.deepEqual(plain(p.calls), [
      ['setClientAttributes', { a: 1 }],
      ['setContactInfo', { name: 'Ann' }],
    ]);
    assert.equal(await attrs, true);
    assert.equal(await contact, true);
    assert.deepEqual(plain(p.calls), [
      ['setClientAttributes', { a: 1 }],
      ['setContactInfo', { name: 'Ann' }],
      ['setClientAttributes', { a: 2 }],
      ['setContactInfo', { name: 'Cy' }],
    ]);
  });

  it("withdrawing one method's held call leaves the other method's", async () => {
    const p = newPage();
    p.load();
    p.jk.call('setClientAttributes', { a: 1 });
    p.jk.call('setContactInfo', { name: 'Ann' });
    const attrs = p.jk.call('setClientAttributes', { a: 2 });
    const contact = p.jk.call('setContactInfo', { name: 'Bob' });
    assert.equal(attrs.withdraw(), true);
    assert.equal(await contact, true);
    await sleep(50);
    assert.deepEqual(plain(p.calls), [
      ['setClientAttributes', { a: 1 }],
      ['setContactInfo', { name: 'Ann' }],
      ['setContactInfo', { name: 'Bob' }],
    ]);
  });

  it("a burst's window is its own: after it ends, the next call goes at once", async () => {
    const p = newPage();
    p.load();
    p.jk.call('setContactInfo', { name: 'Ann' });
    await sleep(1100);
    assert.equal(p.jk.call('setContactInfo', { name: 'Bob' }), true);
    assert.equal(p.jk.call('setClientAttributes', { a: 1 }), true);
    assert.deepEqual(plain(p.names()), ['setContactInfo', 'setContactInfo', 'setClientAttributes']);
  });
});

// The stub's weight (data-extra-bytes, data-busy-ms): what a real widget
// costs the page when it loads, to measure loading strategies against.

// fetchExtra adds a script of n bytes, from the weight path next to the
// stub's own URL, and calls done when it has loaded or failed.
export function fetchExtra(doc, src, nonce, n, done) {
  if (!n || !doc || !src) return done();
  const s = doc.createElement("script");
  s.src = new URL("stub-weight.js?bytes=" + n, src).href;
  if (nonce) s.nonce = nonce;
  s.onload = s.onerror = () => done();
  (doc.head || doc.documentElement).appendChild(s);
}

// busy keeps the main thread busy for ms, in tasks of at most 150 ms, then
// calls done.
export function busy(win, ms, done) {
  if (!ms) return done();
  const now = () => (win.performance ? win.performance.now() : Date.now());
  const end = now() + Math.min(ms, 150);
  while (now() < end) {
    // the work a widget does at start-up
  }
  win.setTimeout(() => busy(win, ms - Math.min(ms, 150), done), 0);
}

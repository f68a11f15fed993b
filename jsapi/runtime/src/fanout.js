// def makes w[name] an accessor, if it can.
export const def = (w, name, get, set) => {
  try {
    Object.defineProperty(w, name, { configurable: true, get, set });
  } catch (_) {
    // not configurable: a declared global
  }
};

// own takes over the callback global w[name] and fans each call out: first
// to hook (the runtime's own handling), then to the page's own listener,
// then to every subscriber in the order they subscribed. It returns the
// subscribe function, which returns the unsubscribe function. It adds to
// checks a function that takes the global back when the page replaced the
// dispatcher; enter runs first on each call, to run every check.
//
// A function already in w[name] becomes the page's own listener; a later
// assignment replaces only that listener, as on a page without jivokit. A
// global the page declared (function jivo_onOpen() {}) cannot take an
// accessor: the dispatcher is assigned to it instead, and check finds the
// page's later assignments or declarations there.
//
// Reading w[name] gives the dispatcher, so a page that chains (saves the
// old value and calls it from its new function) calls back into it from
// its own listener: that inner call, whose arguments are the outer call's
// (or the first of them), is ignored, so nothing runs twice or recurses.
// Any other call made while one is dispatched (the widget firing again
// from a listener's call) is dispatched to all after it, keeping the
// order. A listener that throws is reported and the others still run.
export function own(w, name, hook, report, enter, checks) {
  let subs = []; // replaced, never changed, so that a call runs those it began with
  const q = []; // calls to dispatch, the first one running
  let mine = w[name];
  let cur; // the arguments the page's own listener runs with
  const run = (f, a) => {
    if (typeof f == 'function') {
      try {
        f.apply(w, a);
      } catch (e) {
        report(e, name);
      }
    }
  };
  const fire = (...a) => {
    if (cur && a.every((x, i) => x === cur[i])) return;
    if (!q.length) enter();
    if (q.push(a) > 1) return;
    for (let a; (a = q[0]); q.shift()) {
      run(hook, a);
      run(mine, (cur = a));
      cur = null;
      for (const s of subs) run(s.f, a);
    }
  };
  const check = () => {
    const f = w[name];
    if (f !== fire) (mine = f), (w[name] = fire);
  };
  checks.push(check);
  // A declared function is not configurable, but writable: check assigns.
  def(w, name, () => fire, (f) => (mine = f));
  check();
  return (f) => {
    const s = { f };
    subs = subs.concat(s);
    return () => {
      subs = subs.filter((x) => x != s);
    };
  };
}

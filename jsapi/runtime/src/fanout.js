// own takes over the callback global w[name] and fans each call out: first
// to hook (the runtime's own handling), then to the page's own listener,
// then to every subscriber in the order they subscribed. It returns the
// subscribe function, which returns the unsubscribe function.
//
// A function already in w[name] becomes the page's own listener; a later
// assignment replaces only that listener, as on a page without jivokit.
// Reading w[name] gives the dispatcher, so a page that chains (saves the
// old value and calls it from its new function) calls back into it from its
// own listener: that inner call is ignored, so nothing runs twice or recurses. A listener that
// throws is reported and the others still run.
export function own(w, name, hook, report) {
  const subs = [];
  let mine = w[name];
  let busy = false;
  const run = (f, args) => {
    if (typeof f == 'function') {
      try {
        f.apply(w, args);
      } catch (e) {
        report(e, name);
      }
    }
  };
  const fire = function () {
    if (busy) return;
    if (hook) hook();
    busy = true;
    run(mine, arguments);
    busy = false;
    for (const s of subs.slice()) run(s.f, arguments);
  };
  Object.defineProperty(w, name, {
    configurable: true,
    enumerable: true,
    get: () => fire,
    // Assigning the dispatcher to itself is harmless: busy ignores it.
    set: (f) => (mine = f),
  });
  return (f) => {
    const s = { f };
    subs.push(s);
    return () => {
      const i = subs.indexOf(s);
      if (i >= 0) subs.splice(i, 1);
    };
  };
}

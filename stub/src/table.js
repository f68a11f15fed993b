// The check that the stub implements exactly the generated method table and
// fires exactly its callbacks. A mismatch means the spec in package jsapi
// changed without the stub: it is reported loudly (console.error, a red line
// in the widget, jivokitStub.tableCheck) rather than papered over.

// FIRED lists every callback the stub calls.
export const FIRED = [
  "jivo_onLoadCallback",
  "jivo_onOpen",
  "jivo_onMessageSent",
  "jivo_onAccept",
  "jivo_onClose",
  "jivo_onIntroduction",
  "jivo_onResizeCallback",
  "jivo_onCallStart",
  "jivo_onCallEnd",
  "jivo_onChangeState",
  "jivo_onClientStartChat",
  "jivo_onMessageReceived",
  "jivo_onWidgetDestroy",
];

function diff(a, b) {
  return a.filter((x) => b.indexOf(x) < 0);
}

// checkTable compares the implementation's method names and FIRED with the
// table. The answer is JSON data: {ok, missingMethods, extraMethods,
// missingCallbacks, extraCallbacks, message}.
export function checkTable(impl, methods, callbacks) {
  const want = methods.map((m) => m.name);
  const have = Object.keys(impl);
  const r = {
    missingMethods: diff(want, have),
    extraMethods: diff(have, want),
    missingCallbacks: diff(callbacks, FIRED),
    extraCallbacks: diff(FIRED, callbacks),
  };
  const parts = [];
  if (r.missingMethods.length) parts.push("methods in the table it does not implement: " + r.missingMethods.join(", "));
  if (r.extraMethods.length) parts.push("methods it implements that the table lacks: " + r.extraMethods.join(", "));
  if (r.missingCallbacks.length) parts.push("callbacks in the table it never fires: " + r.missingCallbacks.join(", "));
  if (r.extraCallbacks.length) parts.push("callbacks it fires that the table lacks: " + r.extraCallbacks.join(", "));
  r.ok = parts.length === 0;
  r.message = r.ok ? "" : "jivokit stub does not match the method table: " + parts.join("; ");
  return r;
}

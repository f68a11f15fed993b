// The stub's options come from the data attributes of its own <script>
// element (Go: stub.Options.Attrs):
//
//   data-load-delay="250"        ms before the widget "loads"; default 0 (next tick)
//   data-offline                 chatMode answers 'offline'
//   data-callbacks-disabled      isCallbackEnabled and startCall answer 'Callback disabled'
//   data-never-load              the widget never loads until jivokitStub.load()
//
// A boolean attribute is on when present, unless its value is "false" or "0".
// A load delay that is not a whole number of ms from 0 to MAX_DELAY is
// reported and replaced by 0.

export const MAX_DELAY = 3600000;

function attr(script, name) {
  if (!script || typeof script.getAttribute !== "function") return null;
  return script.getAttribute(name);
}

function flag(script, name) {
  const v = attr(script, name);
  if (v === null || v === undefined) return false;
  const s = String(v).trim().toLowerCase();
  return s !== "false" && s !== "0";
}

// readOptions returns {options, problems}: problems lists what was wrong
// with the attributes, for the stub to report.
export function readOptions(script) {
  const problems = [];
  let loadDelay = 0;
  const raw = attr(script, "data-load-delay");
  if (raw !== null && raw !== undefined && String(raw).trim() !== "") {
    const s = String(raw).trim();
    const n = Number(s);
    if (!/^\d+$/.test(s) || n > MAX_DELAY) {
      problems.push("data-load-delay=" + JSON.stringify(String(raw)) + " is not a whole number of milliseconds from 0 to " + MAX_DELAY + "; using 0");
    } else {
      loadDelay = n;
    }
  }
  return {
    options: {
      loadDelay,
      offline: flag(script, "data-offline"),
      callbacksDisabled: flag(script, "data-callbacks-disabled"),
      neverLoad: flag(script, "data-never-load"),
    },
    problems,
  };
}

// The stub's options come from the data attributes of its own <script>
// element (Go: stub.Options.Attrs):
//
//   data-load-delay="250"        ms before the widget "loads"; default 0 (next tick)
//   data-offline                 chatMode answers 'offline'
//   data-callbacks-disabled      isCallbackEnabled and startCall answer 'Callback disabled'
//   data-never-load              the widget never loads until jivokitStub.load()
//   data-extra-bytes="409600"    bytes of script fetched before load (weight.js)
//   data-busy-ms="600"           main-thread work at load, in long tasks
//   data-strict                  jivokit's advice refuses, as the vendor's rules do
//   data-offline-message="send"  sendOfflineMessage sends at once (the reference);
//                                default "form": it fills the offline form (newer docs)
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
export const MAX_EXTRA_BYTES = 16 << 20;

// whole reads a whole-number attribute from 0 to max, reporting a bad one.
function whole(script, name, max, unit, problems) {
  const raw = attr(script, name);
  if (raw === null || raw === undefined || String(raw).trim() === "") return 0;
  const s = String(raw).trim();
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > max) {
    problems.push(name + "=" + JSON.stringify(String(raw)) + " is not a whole number of " + unit + " from 0 to " + max + "; using 0");
    return 0;
  }
  return n;
}

// offlineMode reads data-offline-message: "form" (the default, the newer
// docs) or "send" (the reference), reporting anything else.
function offlineMode(script, problems) {
  const raw = attr(script, "data-offline-message");
  if (raw === null || raw === undefined || String(raw).trim() === "") return "form";
  const s = String(raw).trim().toLowerCase();
  if (s === "form" || s === "send") return s;
  problems.push("data-offline-message=" + JSON.stringify(String(raw)) + " is not form or send; using form");
  return "form";
}

export function readOptions(script) {
  const problems = [];
  return {
    options: {
      loadDelay: whole(script, "data-load-delay", MAX_DELAY, "milliseconds", problems),
      extraBytes: whole(script, "data-extra-bytes", MAX_EXTRA_BYTES, "bytes", problems),
      busyMs: whole(script, "data-busy-ms", MAX_DELAY, "milliseconds", problems),
      offline: flag(script, "data-offline"),
      callbacksDisabled: flag(script, "data-callbacks-disabled"),
      neverLoad: flag(script, "data-never-load"),
      strict: flag(script, "data-strict"),
      offlineMessage: offlineMode(script, problems),
    },
    problems,
  };
}

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
//   data-jv-id="AbCdEf1234"      the widget id (loader.js: the vendor's rule)
//   data-locale="en"             the bundle's locale: /js/bundle_en.js
//   data-failure="deleted"       one of the vendor's silent no-load paths (FAILURES)
//   data-bundle-wait             the config's enable_bundle_wait
//   data-cached                  the bundle counts as loaded on an earlier visit
//   data-fast                    no latency before each request
//   data-stop-words="a,b"        the config's stop words
//   data-in-page                 config, status and bundle made in the page, not requested
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

// FAILURES are the vendor's silent no-load paths data-failure names.
export const FAILURES = ["deleted", "mobile-disabled", "host-blacklisted", "csp-blocked", "config-failing", "maintenance"];

// failure reads data-failure: "" when absent, "invalid" (nothing loads)
// when it names no failure.
function failure(script, problems) {
  const raw = attr(script, "data-failure");
  if (raw === null || raw === undefined || String(raw).trim() === "") return "";
  const v = String(raw).trim();
  if (FAILURES.indexOf(v) < 0) {
    problems.push("data-failure=" + JSON.stringify(String(raw)) + " is not one of " + FAILURES.join(", ") + "; nothing loads");
    return "invalid";
  }
  return v;
}

function locale(script, problems) {
  const raw = attr(script, "data-locale");
  if (raw === null || raw === undefined || String(raw).trim() === "") return "en";
  const v = String(raw).trim();
  if (!/^[a-z]{2}(_[A-Za-z]{2})?$/.test(v)) {
    problems.push("data-locale=" + JSON.stringify(String(raw)) + " is not a locale such as en or pt_BR; using en");
    return "en";
  }
  return v;
}

function stopWords(script, problems) {
  const raw = attr(script, "data-stop-words");
  if (raw === null || raw === undefined) return [];
  const words = String(raw)
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
  if (words.length === 0) problems.push("data-stop-words is empty; give words separated by commas, or leave it out");
  return words;
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
      locale: locale(script, problems),
      failure: failure(script, problems),
      bundleWait: flag(script, "data-bundle-wait"),
      cached: flag(script, "data-cached"),
      fast: flag(script, "data-fast"),
      inPage: flag(script, "data-in-page"),
      stopWords: stopWords(script, problems),
    },
    problems,
  };
}

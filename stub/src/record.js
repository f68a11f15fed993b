// The record of every call the page made and every callback the stub fired,
// kept as JSON-safe copies so a test (in Node or through a browser driver)
// reads exactly what was passed at the time.

const MAX_DEPTH = 20;

// jsonSafe copies v into plain JSON data: functions become "[function]",
// undefined in arrays and non-finite numbers become null, cycles become
// "[cycle]", and anything deeper than MAX_DEPTH becomes "[deep]".
export function jsonSafe(v, seen, depth) {
  seen = seen || [];
  depth = depth || 0;
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return isFinite(v) ? v : null;
    case "function":
      return "[function]";
    case "undefined":
      return undefined;
    case "bigint":
      return String(v);
    case "symbol":
      return String(v);
  }
  if (v === null) return null;
  if (depth >= MAX_DEPTH) return "[deep]";
  if (seen.indexOf(v) >= 0) return "[cycle]";
  if (typeof v.toJSON === "function") {
    // As JSON.stringify does: a Date becomes its ISO string.
    let j;
    try {
      j = v.toJSON();
    } catch (e) {
      return "[unserializable]";
    }
    return j === v ? "[object]" : jsonSafe(j, seen, depth + 1);
  }
  seen.push(v);
  let out;
  if (Array.isArray(v)) {
    out = [];
    for (let i = 0; i < v.length; i++) {
      const x = jsonSafe(v[i], seen, depth + 1);
      out.push(x === undefined ? null : x);
    }
  } else {
    out = {};
    for (const k of Object.keys(v)) {
      const x = jsonSafe(v[k], seen, depth + 1);
      if (x !== undefined) out[k] = x;
    }
  }
  seen.pop();
  return out;
}

// copy returns a fresh deep copy of JSON data, so callers cannot change the record.
export function copy(v) {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

export function createLog() {
  let entries = [];
  return {
    push(entry) {
      entries.push(entry);
      return entry;
    },
    all() {
      return entries.map(copy);
    },
    clear() {
      entries = [];
    },
    count() {
      return entries.length;
    },
  };
}

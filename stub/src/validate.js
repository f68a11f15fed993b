// The stub's input checks: an interpreter of package jsapi's validation
// rules (rules.gen.js, generated from jsapi/rules.go), which Go's checks
// run too, so the stub refuses what Go code refuses and advises what it
// advises, message for message. Each check returns null when the value is
// fine, otherwise a problem {message, kind}: message is "<field>
// <problem>", as Go's *InputError and *jsapi.Warning have Field and
// Problem; kind is "vendor" or "form" (refused in every mode) or "advice"
// (jivokit's own: a warning, refused only in strict mode; see refuses).
// The steps mean what jsapi/check.go makes of them;
// jsapi/testdata/validation.json holds the cases both interpreters must
// agree on. Nothing here knows a limit, a character class, a kind or a
// message: they all come from the rules.
//
// Strings are read by code point, as Go reads UTF-8: an emoji is one
// character, and a lone surrogate reads as U+FFFD as a bad byte does in Go.

import { classes, kinds, limits, problems, rules } from "./rules.gen.js";

export { rules };

// problem is a check's finding: message "<field> <problem>" and its kind.
export const problem = (message, kind) => ({ message, kind });

// named is the problem of a check named in rules.gen.js's problems, with
// its kind.
const named = (field, name) => problem(field + " " + problems[name], kinds[name]);

// refuses reports whether problem p refuses the value: a rule of the
// vendor's or the value's form always, jivokit's advice only when strict.
export const refuses = (p, strict) => !!p && (p.kind !== "advice" || !!strict);

// worse keeps the first refusal, else the first advice: a and b are
// problems or null, a found first.
const worse = (a, b) => (!a ? b : !b ? a : a.kind === "advice" && b.kind !== "advice" ? b : a);

// inClass: whether code point c is in cls, pairs of first and last.
function inClass(cls, c) {
  for (let i = 0; i < cls.length; i += 2) if (cls[i] <= c && c <= cls[i + 1]) return true;
  return false;
}

// codePoints: the characters of s; a lone surrogate reads as U+FFFD.
const codePoints = (s) => Array.from(String(s), (ch) => {
  const c = ch.codePointAt(0);
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
});

// isBlank: empty or only white space, as Go's strings.TrimSpace sees it.
export function isBlank(s) {
  return codePoints(s).every((c) => inClass(classes.space, c));
}

const hex = (c, n) => c.toString(16).padStart(n, "0");

// REPLACEMENT is U+FFFD, made at run time: the bundle must stay ASCII, and
// the bundler would write a literal one as is.
const REPLACEMENT = String.fromCharCode(parseInt("fffd", 16));

// quote wraps s in q as jsapi's quote does: q, backslashes, control and
// invisible characters escaped, everything else as written.
export function quote(s, q) {
  let out = q;
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + hex(c, 2);
    else if (ch === q || ch === "\\") out += "\\" + ch;
    else if (inClass(classes.invisible, c)) out += "\\u" + hex(c, 4);
    else if (c >= 0xd800 && c <= 0xdfff) out += REPLACEMENT;
    else out += ch;
  }
  return out + q;
}

// fill writes a problem with its {c}, {v}, {n}, {lo} and {hi} filled in.
export function fill(problem, subject, n, lo, hi) {
  return problem.replace(/\{(c|v|n|lo|hi)\}/g, (_, k) =>
    k === "c" ? quote(subject, "'") : k === "v" ? quote(subject, '"') : String(k === "n" ? n : k === "lo" ? lo : hi));
}

// trimEnds removes the characters of cut from both ends of s.
function trimEnds(s, cut) {
  let i = 0;
  let j = s.length;
  while (i < j && cut.indexOf(s[i]) >= 0) i++;
  while (j > i && cut.indexOf(s[j - 1]) >= 0) j--;
  return s.slice(i, j);
}

// oneOf: whether s is one of the "|"-separated words (with fold, ASCII
// letters of s in either case).
function oneOf(words, s, fold) {
  if (fold) s = s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return words.split("|").indexOf(s) >= 0;
}

// hostPort: a link's host as written, its port with the ':' ("" for none),
// and false for an IPv6 address not closed right before the port or the end.
function hostPort(link) {
  const sep = link.indexOf("://");
  if (sep < 0) return ["", "", true];
  let hp = link.slice(sep + 3);
  const end = hp.search(/[/?#]/);
  if (end >= 0) hp = hp.slice(0, end);
  hp = hp.slice(hp.lastIndexOf("@") + 1);
  let c = hp.indexOf(":");
  if (hp[0] === "[") {
    c = hp.indexOf("]") + 1;
    if (c === 0 || (c < hp.length && hp[c] !== ":")) return ["", "", false];
  }
  if (c < 0) c = hp.length;
  return [hp.slice(0, c), hp.slice(c), true];
}

// portOK: "", or ':' and at most digits digits making at most max.
function portOK(port, digits, max) {
  let n = 0;
  for (let j = 1; j < port.length; j++) {
    const d = port.charCodeAt(j) - 48;
    if (d < 0 || d > 9 || j > digits) return false;
    n = n * 10 + d;
  }
  return n <= max;
}

// run runs one step on s: [failed, subject, n].
function run(st, s) {
  const cls = st.class || [];
  const lo = st.lo || 0;
  const hi = st.hi || 0;
  switch (st.op) {
    case "blank":
      return [isBlank(s)];
    case "utf8":
      return [false]; // a JavaScript string reads as valid UTF-8
    case "only": {
      let first = true;
      for (const ch of s) {
        if (!inClass(cls, codePoints(ch)[0]) && !(first && (st.extra || "").indexOf(ch) >= 0)) return [true, ch];
        first = false;
      }
      return [false];
    }
    case "count": {
      let part = s;
      if (st.extra) {
        const at = s.indexOf(st.extra[0]);
        part = at < 0 ? "" : trimEnds(s.slice(at + 1), st.extra.slice(1));
      }
      const n = codePoints(part).filter((c) => inClass(cls, c)).length;
      return [n < lo || (hi >= 0 && n > hi), "", n];
    }
    case "around": {
      const at = s.indexOf(st.extra);
      return [at <= 0 || at + st.extra.length >= s.length];
    }
    case "shape": {
      const cs = codePoints(s);
      const p = st.extra.length;
      const ok = s.slice(0, p) === st.extra && (cs.length === lo || cs.length === hi) && cs.slice(p).every((c) => inClass(cls, c));
      return [!ok, s];
    }
    case "oneOf":
      return [!oneOf(st.extra, s, false), s];
    case "scheme": {
      const i = s.indexOf("://");
      if (i < 0) return [true, ""];
      return [!!st.extra && !oneOf(st.extra, s.slice(0, i), true), s.slice(0, i)];
    }
    case "ipv6":
    case "host":
    case "port": {
      const [host, port, ok] = hostPort(s);
      if (st.op === "ipv6") return [!ok];
      if (st.op === "host") return [host === "" || host === "[]"];
      return [!portOK(port, lo, hi)];
    }
  }
  throw new Error("validate.js: unknown rule step " + st.op);
}

// check runs rule r on the string s: null when it passes, else the
// problem of the first step of the vendor's or the value's form that fails,
// or when none does, of the first step of advice that fails (later steps of
// advice are skipped: they may rest on it), named field or the rule's own
// field.
export function check(r, s, field) {
  let advice = null;
  for (const st of r.steps) {
    if (advice && st.kind === "advice") continue;
    const [failed, subject, n] = run(st, s);
    if (!failed) continue;
    const p = problem((field || r.field) + " " + fill(st.problem, subject, n, st.lo, st.hi), st.kind);
    if (st.kind !== "advice") return p;
    advice = p;
  }
  return advice;
}

const given = (v) => v !== undefined && v !== null;
const notString = (field) => named(field, "notString");

// stringCheck checks a value that must be a string with rule r.
const stringCheck = (r, field) => (v) => (typeof v !== "string" ? notString(field || r.field) : check(r, v, field));

export const phoneProblem = stringCheck(rules.phone);
export const emailProblem = stringCheck(rules.email);
export const linkProblem = stringCheck(rules.link);

// textProblem: text that should not be blank (setUserToken's token,
// sendPageTitle's title), as ValidateUserToken and PageTitle.Validate.
export const textProblem = (v, field) => (typeof v !== "string" ? notString(field) : check(rules.text, v, field));

export const MAX_PAGE_TITLE = limits.maxPageTitle;

// titleProblem: jsapi's PageTitle.Validate: a title that is not blank and
// at most MAX_PAGE_TITLE characters (a longer one is cut: advice), and a URL
// that is text when given.
export function titleProblem(title, url) {
  const p = worse(textProblem(title, "title"), given(url) && typeof url !== "string" ? notString("url") : null);
  if (p) return p;
  return codePoints(title).length > MAX_PAGE_TITLE ? problem("title " + fill(problems.titleCut, "", 0, 0, MAX_PAGE_TITLE), kinds.titleCut) : null;
}

// capTitle cuts a title to MAX_PAGE_TITLE characters (code points, as Go
// reads them), never inside a character.
export const capTitle = (title) => Array.from(title).slice(0, MAX_PAGE_TITLE).join("");

// colorProblem: any value is read as text, none as "" (Go's zero value).
export function colorProblem(color, field) {
  return check(rules.color, given(color) ? String(color) : "", field);
}

// widgetColorProblem: jsapi's WidgetColor.Validate; color2 may be empty.
export function widgetColorProblem(color, color2) {
  return colorProblem(color) || (given(color2) && color2 !== "" ? colorProblem(color2, "color2") : null);
}

// contactProblem: jsapi's ContactInfo.Validate: the e-mail address and the
// phone number, each when given, well formed (advice); the other fields
// strings (their form).
export function contactProblem(c) {
  if (!isObject(c)) return named("info", "notObject");
  for (const k of ["name", "client_name", "email", "phone", "description"]) {
    if (given(c[k]) && typeof c[k] !== "string") return notString(k);
  }
  return (c.email && emailProblem(c.email)) || (c.phone && phoneProblem(c.phone)) || null;
}

// offlineMessageProblem: jsapi's OfflineMessage.Validate: jivokit advises a
// message that is not blank, an e-mail address or a phone number to answer
// to, and those given well formed.
export function offlineMessageProblem(m) {
  if (!isObject(m)) return named("message", "mustBeObject");
  for (const k of ["name", "email", "phone", "description", "message"]) {
    if (given(m[k]) && typeof m[k] !== "string") return notString(k);
  }
  const p = check(rules.filled, m.message || "", "message");
  if (p) return p;
  if (!m.email && !m.phone) return named("email", "noAnswerTo");
  return (m.email && emailProblem(m.email)) || (m.phone && phoneProblem(m.phone)) || null;
}

export const MAX_CUSTOM_FIELDS = limits.maxCustomFields;

// fieldText reads a custom-data value as the stub shows it: text as given,
// a number or boolean as its text.
export function fieldText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

// customFieldProblem: field i: jivokit advises at least one of content,
// title and key (a key alone is a label the agent sees; a link alone is not
// enough), and a link, when given, that passes the link rule. Not an object
// is refused (its form).
export function customFieldProblem(f, i) {
  const name = "fields[" + i + "]";
  if (!isObject(f)) return named(name, "notObject");
  if (fieldText(f.content) === "" && fieldText(f.title) === "" && fieldText(f.key) === "") return named(name, "noContent");
  if (given(f.link) && f.link !== "") {
    const p = linkProblem(f.link);
    if (p) return problem(name + "." + p.message, p.kind);
  }
  return null;
}

// customDataProblem: jsapi's ValidateCustomData: the first refusal, else
// the first advice.
export function customDataProblem(fields) {
  if (!Array.isArray(fields)) return named("fields", "notArray");
  if (fields.length > MAX_CUSTOM_FIELDS) return problem("fields " + fill(problems.tooMany, "", fields.length, 0, MAX_CUSTOM_FIELDS), kinds.tooMany);
  let found = null;
  for (let i = 0; i < fields.length; i++) {
    found = worse(found, customFieldProblem(fields[i], i));
    if (refuses(found, false)) return found;
  }
  return found;
}

// invitationProblem: jsapi's Invitation.Validate: text not blank; the
// department, when given, a whole number not below 0 (advice).
export function invitationProblem(text, departmentId) {
  if (given(text) && typeof text !== "string") return notString("invitation_text");
  const p = check(rules.filled, text || "", "invitation_text");
  if (p || !given(departmentId)) return p;
  if (typeof departmentId !== "number" || Math.floor(departmentId) !== departmentId) return named("department_id", "notWhole");
  return departmentId < 0 ? named("department_id", "negative") : null;
}

// startProblem: jsapi's OpenOptions.Validate; none means chat.
export function startProblem(start) {
  return given(start) ? check(rules.start, String(start)) : null;
}

// attributesProblem: jsapi's ClientAttributes.Validate: values strings or
// numbers (the vendor's), numbers finite (their form); jivokit advises at
// least one attribute and ids not empty. Of several problems a refusal
// comes first, then the smallest id.
export function attributesProblem(a) {
  if (!isObject(a)) return named("attributes", "notObject");
  if (Object.keys(a).length === 0) return named("attributes", "noAttributes");
  let bad = null;
  let found = null;
  for (const id of Object.keys(a)) {
    const v = a[id];
    let name = "";
    if (typeof v === "number") name = isFinite(v) ? "" : "notFinite";
    else if (typeof v !== "string") name = "notTextNum";
    if (id === "" && !name) name = "emptyID";
    if (!name) continue;
    const p = problem(kinds[name] === "advice" ? "attributes " + problems[name] : "attributes[" + quote(id, '"') + "] " + problems[name], kinds[name]);
    const sameKind = found && (found.kind === "advice") === (p.kind === "advice");
    if (!found || (found.kind === "advice" && p.kind !== "advice") || (sameKind && id < bad)) {
      bad = id;
      found = p;
    }
  }
  return found;
}

export function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

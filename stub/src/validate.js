// Input checks with the same rules and wording as package jsapi's
// validation (ValidatePhone, ValidateEmail, ValidateColor, ValidateLink,
// OfflineMessage.Validate, ValidateCustomData, ...), so the stub refuses
// what Go code refuses. Each returns "" when the value is fine, otherwise
// "<field> <problem>", as Go's *InputError has Field and Problem.
// jsapi/testdata/validation.json holds the cases both must agree on.
//
// Strings are read by code point, as Go reads UTF-8: an emoji is one
// character, and a lone surrogate reads as U+FFFD as a bad byte does in Go.

// SPACE is what Go's strings.TrimSpace trims (unicode.IsSpace): no U+FEFF or
// U+200B, which String.prototype.trim would take for white space.
const SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const BLANK = new RegExp("^[" + SPACE + "]*$");
const NOT_IN_EMAIL = new RegExp("[" + SPACE + "\\u0000-\\u001f\\u007f<>\"]");

// isBlank: empty or only white space, as Go's isBlank.
export function isBlank(s) {
  return BLANK.test(s);
}

// invisible: the characters quote escapes as \uXXXX (jsapi's invisible).
function invisible(c) {
  return (c >= 0x80 && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x2064) || c === 0x3000 || c === 0xfeff;
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
    else if (invisible(c)) out += "\\u" + hex(c, 4);
    else if (c >= 0xd800 && c <= 0xdfff) out += REPLACEMENT;
    else out += ch;
  }
  return out + q;
}

const PHONE_CHARS = "only digits, a leading +, spaces, dots, dashes and parentheses are allowed";

export function phoneProblem(phone) {
  if (typeof phone !== "string") return "phone is not a string";
  if (isBlank(phone)) return "phone is empty";
  let digits = 0;
  let first = true;
  for (const ch of phone) {
    if (ch >= "0" && ch <= "9") digits++;
    else if (!(ch === "+" && first) && " -.()".indexOf(ch) < 0) return "phone contains " + quote(ch, "'") + "; " + PHONE_CHARS;
    first = false;
  }
  if (digits < 5 || digits > 15) return "phone has " + digits + " digits, a phone number has 5 to 15";
  return "";
}

export function emailProblem(email) {
  if (typeof email !== "string") return "email is not a string";
  const at = email.indexOf("@");
  if (at <= 0 || at === email.length - 1) return "email is not an e-mail address";
  const domain = email.slice(at + 1);
  if (NOT_IN_EMAIL.test(email) || domain.indexOf("@") >= 0) return "email contains a character an e-mail address cannot have";
  if (domain.replace(/^\.+|\.+$/g, "").indexOf(".") < 0) return "email has no dot in its domain";
  return "";
}

export function colorProblem(color, field) {
  if (typeof color === "string" && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color)) return "";
  return (field || "color") + " " + quote(color === undefined || color === null ? "" : String(color), '"') + " is not a hex colour like #1e88e5 or #fff";
}

// widgetColorProblem: jsapi's WidgetColor.Validate; color2 may be empty.
export function widgetColorProblem(color, color2) {
  return colorProblem(color) || (color2 !== undefined && color2 !== null && color2 !== "" ? colorProblem(color2, "color2") : "");
}

// linkProblem: an absolute http or https URL with a host, a port (when
// given) of at most 5 digits up to 65535, without spaces, control
// characters or backslashes. javascript:, data: and the rest never pass.
export function linkProblem(link) {
  if (typeof link !== "string") return "link is not a string";
  const sep = link.indexOf("://");
  if (sep < 0) return "link is not an absolute http or https URL";
  const scheme = link.slice(0, sep).toLowerCase();
  if (scheme !== "http" && scheme !== "https") return "link has scheme " + quote(link.slice(0, sep), '"') + ", only http and https are allowed";
  // The host and port: up to the path, query or fragment, without user info.
  let hp = link.slice(sep + 3);
  const end = hp.search(/[\/?#]/);
  if (end >= 0) hp = hp.slice(0, end);
  hp = hp.slice(hp.lastIndexOf("@") + 1);
  // The port follows the first colon, or the one right after the ] of an
  // IPv6 address.
  let c = hp.indexOf(":");
  if (hp[0] === "[") {
    c = hp.indexOf("]") + 1;
    if (c === 0 || (c < hp.length && hp[c] !== ":")) return "link has a malformed IPv6 address";
  }
  if (c < 0) c = hp.length;
  const host = hp.slice(0, c);
  if (host === "" || host === "[]") return "link has no host";
  if (!/^(:[0-9]{0,5})?$/.test(hp.slice(c)) || Number(hp.slice(c + 1)) > 65535) return "link has a port that is not a number from 0 to 65535";
  for (let i = 0; i < link.length; i++) {
    const ch = link.charCodeAt(i);
    if (ch <= 32 || ch === 0x7f || ch === 0x5c) return "link contains a space, control character or backslash";
  }
  return "";
}

// offlineMessageProblem: a message is required, with an e-mail address or a
// phone number to answer to; those given must be well formed.
export function offlineMessageProblem(m) {
  if (!isObject(m)) return "message must be an object";
  for (const k of ["name", "email", "phone", "description", "message"]) {
    if (m[k] !== undefined && m[k] !== null && typeof m[k] !== "string") return k + " is not a string";
  }
  if (!m.message || isBlank(m.message)) return "message is empty";
  if (!m.email && !m.phone) return "email and phone are both empty; give one to answer to";
  return (m.email && emailProblem(m.email)) || (m.phone && phoneProblem(m.phone)) || "";
}

export const MAX_CUSTOM_FIELDS = 10;

// fieldText reads a custom-data value as the widget shows it.
export function fieldText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

// customFieldProblem: field i needs at least one of content, title and key
// (a key alone is a label the agent sees; a link alone is not enough), and
// its link, when given, must pass linkProblem.
export function customFieldProblem(f, i) {
  const name = "fields[" + i + "]";
  if (!isObject(f)) return name + " is not an object";
  if (fieldText(f.content) === "" && fieldText(f.title) === "" && fieldText(f.key) === "") return name + " has no content, title or key";
  if (f.link !== undefined && f.link !== null && f.link !== "") {
    const p = linkProblem(f.link);
    if (p) return name + "." + p;
  }
  return "";
}

// customDataProblem: jsapi's ValidateCustomData.
export function customDataProblem(fields) {
  if (!Array.isArray(fields)) return "fields is not an array";
  if (fields.length > MAX_CUSTOM_FIELDS) return "fields has " + fields.length + " entries, at most " + MAX_CUSTOM_FIELDS + " are allowed";
  for (let i = 0; i < fields.length; i++) {
    const p = customFieldProblem(fields[i], i);
    if (p) return p;
  }
  return "";
}

// invitationProblem: jsapi's Invitation.Validate: text not blank; the
// department, when given, a whole number not below 0.
export function invitationProblem(text, departmentId) {
  if (text !== undefined && text !== null && typeof text !== "string") return "invitation_text is not a string";
  if (!text || isBlank(text)) return "invitation_text is empty";
  if (departmentId === undefined || departmentId === null) return "";
  if (typeof departmentId !== "number" || Math.floor(departmentId) !== departmentId) return "department_id is not a whole number";
  return departmentId < 0 ? "department_id is negative" : "";
}

// startProblem: jsapi's OpenOptions.Validate; none means chat.
export function startProblem(start) {
  if (start === undefined || start === null || start === "" || start === "chat" || start === "call" || start === "menu") return "";
  return "start " + quote(String(start), '"') + " is not chat, call or menu";
}

// attributesProblem: jsapi's ClientAttributes.Validate: at least one, ids
// not empty, values strings or finite numbers; of several bad ones, the
// smallest id is reported.
export function attributesProblem(a) {
  if (!isObject(a)) return "attributes is not an object";
  let bad = null;
  let problem = "";
  for (const id of Object.keys(a)) {
    const v = a[id];
    let p = "";
    if (id === "") p = "has an empty id";
    else if (typeof v === "number") p = isFinite(v) ? "" : "is not a finite number";
    else if (typeof v !== "string") p = "is neither a string nor a number";
    if (p && (bad === null || id < bad)) {
      bad = id;
      problem = p;
    }
  }
  if (bad === null) return Object.keys(a).length === 0 ? "attributes is empty" : "";
  return (bad === "" ? "attributes " : "attributes[" + quote(bad, '"') + "] ") + problem;
}

export function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

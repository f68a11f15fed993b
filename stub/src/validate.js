// Input checks with the same rules and wording as package jsapi's
// validation (ValidatePhone, ValidateEmail, ValidateColor, ValidateLink,
// OfflineMessage.Validate), so the stub refuses what Go code refuses.
// Each returns "" when the value is fine, otherwise "<field> <problem>".

export function phoneProblem(phone) {
  if (typeof phone !== "string") return "phone is not a string";
  if (phone.trim() === "") return "phone is empty";
  let digits = 0;
  for (let i = 0; i < phone.length; i++) {
    const c = phone[i];
    if (c >= "0" && c <= "9") digits++;
    else if (c === "+" && i === 0) continue;
    else if (" -.()".indexOf(c) < 0) {
      return "phone contains '" + c + "'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed";
    }
  }
  if (digits < 5 || digits > 15) return "phone has " + digits + " digits, a phone number has 5 to 15";
  return "";
}

export function emailProblem(email) {
  if (typeof email !== "string") return "email is not a string";
  const at = email.indexOf("@");
  const local = at < 0 ? "" : email.slice(0, at);
  const domain = at < 0 ? "" : email.slice(at + 1);
  if (at < 0 || local === "" || domain === "") return "email is not an e-mail address";
  if (/[ \t\r\n<>"]/.test(email) || domain.indexOf("@") >= 0) return "email contains a character an e-mail address cannot have";
  if (domain.replace(/^\.+|\.+$/g, "").indexOf(".") < 0) return "email has no dot in its domain";
  return "";
}

export function colorProblem(color, field) {
  if (typeof color === "string" && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color)) return "";
  return (field || "color") + " " + JSON.stringify(String(color)) + " is not a hex colour like #1e88e5 or #fff";
}

// linkProblem: an absolute http or https URL with a host, without spaces,
// control characters or backslashes. javascript:, data: and the rest never pass.
export function linkProblem(link) {
  if (typeof link !== "string") return "link is not a string";
  const sep = link.indexOf("://");
  if (sep < 0) return "link is not an absolute http or https URL";
  const scheme = link.slice(0, sep).toLowerCase();
  if (scheme !== "http" && scheme !== "https") return "link has scheme " + JSON.stringify(link.slice(0, sep)) + ", only http and https are allowed";
  let host = link.slice(sep + 3);
  const end = host.search(/[\/?#]/);
  if (end >= 0) host = host.slice(0, end);
  host = host.slice(host.lastIndexOf("@") + 1);
  if (host === "") return "link has no host";
  for (let i = 0; i < link.length; i++) {
    const c = link.charCodeAt(i);
    if (c <= 32 || c === 0x7f || c === 0x5c) return "link contains a space, control character or backslash";
  }
  return "";
}

// offlineMessageProblem: a message is required, with an e-mail address or a
// phone number to answer to; those given must be well formed.
export function offlineMessageProblem(m) {
  if (m === null || typeof m !== "object" || Array.isArray(m)) return "message must be an object";
  for (const k of ["name", "email", "phone", "description", "message"]) {
    if (m[k] !== undefined && m[k] !== null && typeof m[k] !== "string") return k + " is not a string";
  }
  if (!m.message || m.message.trim() === "") return "message is empty";
  if (!m.email && !m.phone) return "email and phone are both empty; give one to answer to";
  if (m.email) {
    const p = emailProblem(m.email);
    if (p) return p;
  }
  if (m.phone) {
    const p = phoneProblem(m.phone);
    if (p) return p;
  }
  return "";
}

export function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

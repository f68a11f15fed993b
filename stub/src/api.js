// The stub's implementation of every method of the widget API, with the
// answers the vendor's reference and newer documentation give. The method
// table (methods.gen.js) decides which of these become jivo_api methods and
// which window globals; widget.js checks that the two match exactly.
//
// The stub refuses only what the vendor refuses (its documented rules) and
// what cannot be written; a value that breaks only jivokit's advice goes
// through, with the advice as a warning on the call's record, in the
// console and in the panel. With data-strict, advice refuses as a vendor's
// rule does, as Go's strict modes do. Reasons and limits come from package
// jsapi (rules.gen.js).

import { limits, problems, reasons } from "./rules.gen.js";
import { callInProgress, clearHistory } from "./state.js";
import {
  MAX_CUSTOM_FIELDS,
  attributesProblem,
  capTitle,
  contactProblem,
  customDataProblem,
  customFieldProblem,
  fieldText,
  fill,
  invitationProblem,
  isObject,
  offlineMessageProblem,
  phoneProblem,
  refuses,
  startProblem,
  textProblem,
  titleProblem,
  widgetColorProblem,
} from "./validate.js";

const OK = () => ({ result: "ok" });
const fail = (reason) => ({ result: "fail", reason });

export const CALLBACK_DISABLED = reasons.callbackDisabled;
// The reference's spelling, as the widget sends it; jsapi.ErrCallbackUnavailable
// matches it and "Callback unavailable".
export const CALLBACK_UNAVAILABLE = reasons.callbackUnavailable;
export const CUSTOM_DATA_NOT_ARRAY = reasons.customDataNotArray;
// The vendor's limit: setClientAttributes calls per visitor within the
// window (an hour).
export const MAX_ATTRIBUTE_CALLS = limits.maxAttributeCalls;
export const ATTRIBUTE_CALL_WINDOW_MS = limits.attributeCallWindowMs;

// The most advice the panel lists, the latest last.
const MAX_ADVICE_SHOWN = 5;

const UTM_KEYS = ["source", "campaign", "content", "medium", "term"];

function requireCallback(method, cb) {
  if (typeof cb !== "function") throw new TypeError("jivo_api." + method + ": the last argument must be a callback function");
}

// customFields turns setCustomData's entries into what the agent sees: text
// as given (never markup), and the link as given (the panel draws it as a
// link only when it is an http(s) URL). What jivokit advises against (a
// field with no content, title or key, a link that is not an absolute
// http(s) URL) is kept, with the advice.
function customFields(fields, advise) {
  return fields.map((f, i) => {
    const p = customFieldProblem(f, i);
    if (p) advise(p);
    return { title: fieldText(f.title), key: fieldText(f.key), content: fieldText(f.content), link: f.link ? String(f.link) : "" };
  });
}

// sendOfflineForm sends the offline form sendOfflineMessage filled in, as
// the visitor does with its button; it throws when there is none.
export function sendOfflineForm(s) {
  if (!s.offlineForm) throw new Error("jivokitStub.visitorSendOfflineForm: no offline form is filled in (sendOfflineMessage fills it)");
  s.offlineMessages.push(Object.assign({}, s.offlineForm, { time: Date.now() }));
  s.offlineForm = null;
}

// parseUtm reads utm_* parameters from a location.search string.
export function parseUtm(search) {
  const out = {};
  String(search || "")
    .replace(/^\?/, "")
    .split("&")
    .forEach((pair) => {
      const eq = pair.indexOf("=");
      const k = eq < 0 ? pair : pair.slice(0, eq);
      if (k.slice(0, 4) !== "utm_" || UTM_KEYS.indexOf(k.slice(4)) < 0) return;
      let v = eq < 0 ? "" : pair.slice(eq + 1).replace(/\+/g, " ");
      try {
        v = decodeURIComponent(v);
      } catch (e) {
        // keep the raw value of a malformed escape
      }
      if (!(k.slice(4) in out)) out[k.slice(4)] = v;
    });
  return out;
}

// createApi returns the implementation; w is the widget core (widget.js).
export function createApi(w) {
  const s = w.s;
  const strict = !!(w.options && w.options.strict);
  // advise notes jivokit's advice about a value that goes through: on the
  // call's record and in the console (marked "(advice)"), and in the panel.
  function advise(p) {
    w.warn(p.message + " (advice)");
    s.advice = (s.advice || []).concat(p.message).slice(-MAX_ADVICE_SHOWN);
  }
  // refused reports whether p refuses the value in this mode; advice that
  // does not is noted.
  function refused(p) {
    if (refuses(p, strict)) return true;
    if (p) advise(p);
    return false;
  }
  return {
    open(options) {
      if (options !== undefined && options !== null && !isObject(options)) return fail("options " + problems.mustBeObject + " like {start: 'chat'}");
      const p = startProblem(options && options.start);
      if (refused(p)) return fail(p.message);
      const start = p ? "chat" : (options && options.start) || "chat";
      s.menu = start === "menu";
      if (start === "call") w.setState(s.state === "chat" || s.state === "chat/call" ? "chat/call" : "call");
      else w.setState("chat");
      return OK();
    },

    close() {
      s.menu = false;
      w.setState("label");
      return OK();
    },

    chatMode() {
      return s.online ? "online" : "offline";
    },

    getContactInfo() {
      const c = s.contact;
      return { client_name: c.name || null, email: c.email || null, phone: c.phone || null, description: c.description || null };
    },

    getVisitorNumber(cb) {
      requireCallback("getVisitorNumber", cb);
      const n = w.visitorNumber();
      w.later(() => cb(null, n));
    },

    setContactInfo(info) {
      if (!isObject(info)) return w.warn("setContactInfo takes an object {name, email, phone, description}; ignored");
      // A field that is not text is refused whole; an e-mail address or a
      // phone number jivokit advises on is taken, with the advice, unless
      // strict.
      const p = contactProblem(info);
      if (refused(p)) return w.warn(p.message + "; ignored");
      const next = Object.assign({}, s.contact);
      // The answer of getContactInfo says client_name: accept it too.
      if (info.client_name !== undefined && info.name === undefined) info = Object.assign({}, info, { name: info.client_name });
      for (const k of ["name", "email", "phone", "description"]) {
        if (info[k] !== undefined) next[k] = info[k] || "";
      }
      s.contact = next;
    },

    setCustomData(fields) {
      if (!Array.isArray(fields)) return fail(CUSTOM_DATA_NOT_ARRAY);
      if (fields.length > MAX_CUSTOM_FIELDS) return fail(fill(reasons.tooManyFields, "", fields.length, 0, MAX_CUSTOM_FIELDS));
      for (let i = 0; i < fields.length; i++) {
        if (!isObject(fields[i])) return fail("fields[" + i + "] " + problems.notObject + ".");
      }
      // Strict: advice refuses the call, as Go's strict mode does.
      const p = customDataProblem(fields);
      if (refuses(p, strict)) return fail(p.message);
      s.customData = customFields(fields, advise);
      return OK();
    },

    setRules(rules) {
      if (!isObject(rules)) return w.warn("setRules takes the rules object; ignored");
      s.rules = JSON.parse(JSON.stringify(rules));
    },

    setUserToken(token) {
      // Not text is refused; a blank token is jivokit's advice
      // (jsapi.ValidateUserToken), refused only in strict mode.
      if (refused(textProblem(token, "token"))) return { result: "fail", token: token || false };
      s.token = token;
      return { result: "ok", token };
    },

    showProactiveInvitation(invitationText, departmentId) {
      // As jsapi.Invitation.Validate: blank text or a department that is
      // negative (or not a whole number) refuses the call.
      const dept = departmentId === undefined ? null : departmentId;
      const p = invitationProblem(invitationText, dept);
      if (refused(p)) return w.warn(p.message + "; ignored");
      s.invitation = { text: invitationText, department_id: dept };
      s.messages.push({ from: "agent", text: invitationText, time: Date.now(), invitation: true });
      w.setState("chat");
    },

    startCall(phone) {
      if (!s.callbacksEnabled) return fail(CALLBACK_DISABLED);
      const p = phoneProblem(phone);
      if (refused(p)) return fail(reasons.wrongPhone + p.message);
      if (callInProgress(s)) return fail(CALLBACK_UNAVAILABLE);
      s.call = { phone, status: "requested", reason: "" };
      return OK();
    },

    isCallbackEnabled(cb) {
      requireCallback("isCallbackEnabled", cb);
      // The vendor's docs allow a failure without a reason: jivokitStub.setCallbacksEnabled(false, "").
      const disabled = s.callbackReasonless ? { result: "fail" } : fail(CALLBACK_DISABLED);
      const res = !s.callbacksEnabled ? disabled : callInProgress(s) ? fail(CALLBACK_UNAVAILABLE) : OK();
      w.later(() => cb(res));
    },

    sendOfflineMessage(m) {
      const p = offlineMessageProblem(m);
      if (refused(p)) return { result: "fail", error: p.message };
      const msg = { name: m.name || "", email: m.email || "", phone: m.phone || "", description: m.description || "", message: m.message || "" };
      if (w.options && w.options.offlineMessage === "send") {
        // The reference: the message is sent directly.
        s.offlineMessages.push(Object.assign(msg, { time: Date.now() }));
        return OK();
      }
      // The newer docs: the offline form is filled in and shown; the
      // visitor sends it (jivokitStub.sendOfflineForm, or the panel's
      // button).
      s.offlineForm = msg;
      w.setState("chat");
      return OK();
    },

    setWidgetColor(color, color2) {
      const p = widgetColorProblem(color, color2);
      if (refused(p)) return w.warn(p.message + "; ignored");
      s.color = color;
      s.color2 = color2 || null;
    },

    sendPageTitle(title, fromApi, url) {
      // As jsapi.PageTitle.Validate: not text is refused; a blank title, or
      // one over the cap (which is cut), is advice.
      const p = titleProblem(title, url);
      if (refused(p)) return w.warn(p.message + "; ignored");
      s.pageTitle = { title: capTitle(title), fromApi: fromApi === undefined ? null : !!fromApi, url: typeof url === "string" ? url : null };
    },

    setClientAttributes(attributes) {
      if (!isObject(attributes)) return w.warn("setClientAttributes takes a non-empty object of attribute ids to strings or numbers; ignored");
      // The vendor's limit: MAX_ATTRIBUTE_CALLS calls within the hour per
      // visitor, counted across reloads and jivo_destroy; later ones are
      // dropped.
      const calls = w.attributeCalls();
      if (calls >= MAX_ATTRIBUTE_CALLS) {
        return w.warn("setClientAttributes " + fill(problems.tooManyCalls, "", calls + 1, 0, MAX_ATTRIBUTE_CALLS) + "; dropped");
      }
      const p = attributesProblem(attributes);
      if (refused(p)) return w.warn(p.message + "; ignored");
      w.countAttributeCall();
      Object.assign(s.clientAttributes, attributes);
    },

    getUnreadMessagesCount() {
      return s.unread;
    },

    getUtm() {
      // The tags of the visitor's first visit, as the vendor's newer docs say.
      return w.firstUtm();
    },

    clearHistory() {
      clearHistory(s);
      w.forgetVisitor();
    },

    jivo_init() {
      w.init();
    },

    jivo_destroy() {
      w.destroy();
    },
  };
}

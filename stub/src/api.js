// The stub's implementation of every method of the widget API, with the
// answers the vendor's reference and newer documentation give. The method
// table (methods.gen.js) decides which of these become jivo_api methods and
// which window globals; widget.js checks that the two match exactly.

import { callInProgress, clearHistory } from "./state.js";
import {
  MAX_CUSTOM_FIELDS,
  attributesProblem,
  contactProblem,
  customFieldProblem,
  fieldText,
  invitationProblem,
  isObject,
  offlineMessageProblem,
  phoneProblem,
  startProblem,
  textProblem,
  widgetColorProblem,
} from "./validate.js";

const OK = () => ({ result: "ok" });
const fail = (reason) => ({ result: "fail", reason });

export const CALLBACK_DISABLED = "Callback disabled";
// The reference's spelling, as the widget sends it; jsapi.ErrCallbackUnavailable
// matches it and "Callback unavailable".
export const CALLBACK_UNAVAILABLE = "Callback unavaiable";
export const CUSTOM_DATA_NOT_ARRAY = "Custom data must be array.";
export const MAX_ATTRIBUTE_CALLS = 10;

const UTM_KEYS = ["source", "campaign", "content", "medium", "term"];

function requireCallback(method, cb) {
  if (typeof cb !== "function") throw new TypeError("jivo_api." + method + ": the last argument must be a callback function");
}

// customFields turns setCustomData's entries into what the agent sees: text
// as given (never markup), and the link only when it is a safe http(s) URL.
// What jsapi.ValidateCustomData refuses is left out with a warning: a field
// with no content, title or key, or its bad link.
function customFields(fields, warn) {
  const out = [];
  fields.forEach((f, i) => {
    const field = { title: fieldText(f.title), key: fieldText(f.key), content: fieldText(f.content), link: "" };
    const p = customFieldProblem(f, i);
    if (p) warn(p + "; the agent does not see it");
    if (field.title || field.key || field.content) {
      if (!p && f.link) field.link = f.link;
      out.push(field);
    }
  });
  return out;
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
  return {
    open(options) {
      if (options !== undefined && options !== null && !isObject(options)) return fail("options must be an object like {start: 'chat'}");
      const p = startProblem(options && options.start);
      if (p) return fail(p);
      const start = (options && options.start) || "chat";
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
      // What jsapi.ContactInfo.Validate refuses (a malformed e-mail address
      // or phone number) is refused whole, as Go code never sends it.
      const p = contactProblem(info);
      if (p) return w.warn(p + "; ignored");
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
      if (fields.length > MAX_CUSTOM_FIELDS) return fail("Custom data must have at most " + MAX_CUSTOM_FIELDS + " fields, got " + fields.length + ".");
      for (let i = 0; i < fields.length; i++) {
        if (!isObject(fields[i])) return fail("fields[" + i + "] is not an object.");
      }
      s.customData = customFields(fields, w.warn);
      return OK();
    },

    setRules(rules) {
      if (!isObject(rules)) return w.warn("setRules takes the rules object; ignored");
      s.rules = JSON.parse(JSON.stringify(rules));
    },

    setUserToken(token) {
      // A blank token is refused, as jsapi.ValidateUserToken refuses it.
      if (textProblem(token, "token")) return { result: "fail", token: token || false };
      s.token = token;
      return { result: "ok", token };
    },

    showProactiveInvitation(invitationText, departmentId) {
      // As jsapi.Invitation.Validate: blank text or a department that is
      // negative (or not a whole number) refuses the call.
      const dept = departmentId === undefined ? null : departmentId;
      const p = invitationProblem(invitationText, dept);
      if (p) return w.warn(p + "; ignored");
      s.invitation = { text: invitationText, department_id: dept };
      s.messages.push({ from: "agent", text: invitationText, time: Date.now(), invitation: true });
      w.setState("chat");
    },

    startCall(phone) {
      if (!s.callbacksEnabled) return fail(CALLBACK_DISABLED);
      const p = phoneProblem(phone);
      if (p) return fail("Wrong phone number: " + p);
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
      if (p) return { result: "fail", error: p };
      s.offlineMessages.push({ name: m.name || "", email: m.email || "", phone: m.phone || "", description: m.description || "", message: m.message, time: Date.now() });
      return OK();
    },

    setWidgetColor(color, color2) {
      const p = widgetColorProblem(color, color2);
      if (p) return w.warn(p + "; ignored");
      s.color = color;
      s.color2 = color2 || null;
    },

    sendPageTitle(title, fromApi, url) {
      if (typeof title !== "string") return w.warn("title must be a string; ignored");
      // As jsapi.PageTitle.Validate: a blank title is refused.
      const p = textProblem(title, "title");
      if (p) return w.warn(p + "; ignored");
      s.pageTitle = { title, fromApi: fromApi === undefined ? null : !!fromApi, url: typeof url === "string" ? url : null };
    },

    setClientAttributes(attributes) {
      if (!isObject(attributes)) return w.warn("setClientAttributes takes a non-empty object of attribute ids to strings or numbers; ignored");
      // 10 per hour per visitor, counted across reloads and jivo_destroy.
      if (w.attributeCalls() >= MAX_ATTRIBUTE_CALLS) return w.warn("more than " + MAX_ATTRIBUTE_CALLS + " setClientAttributes calls in an hour; the vendor drops them");
      const p = attributesProblem(attributes);
      if (p) return w.warn(p + "; ignored");
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

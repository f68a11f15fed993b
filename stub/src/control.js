// window.jivokitStub: the control API tests use to read what the page did
// and to play the other side (the agent, the visitor, the account's
// settings). It exists as soon as the stub's script runs, before load.

import { copy, jsonSafe } from "./record.js";
import { sendOfflineForm } from "./api.js";
import { agentView, callInProgress, minimized } from "./state.js";
import { isObject } from "./validate.js";

export function createControl(w) {
  const s = w.s;

  function requireLoaded(action) {
    if (w.phase() !== "loaded") throw new Error("jivokitStub." + action + ": the widget is not loaded (" + w.phase() + ")");
  }

  function requireText(action, text) {
    if (typeof text !== "string" || text.trim() === "") throw new TypeError("jivokitStub." + action + ": the text must be a non-empty string");
  }

  // act runs a change and redraws the widget afterwards.
  function act(fn) {
    return function () {
      const r = fn.apply(null, arguments);
      w.changed();
      return r;
    };
  }

  return {
    options: Object.freeze(Object.assign({}, w.options)),
    tableCheck: copy(w.tableCheck),
    problems: w.problems.slice(),

    // Reading what happened.
    calls: () => w.calls.all(),
    clearCalls: () => w.calls.clear(),
    events: () => w.events.all(),
    clearEvents: () => w.events.clear(),
    loaded: () => w.phase() === "loaded",
    phase: () => w.phase(),
    state: () => s.state,
    agentView: () => copy(jsonSafe(agentView(s))),
    // The offline form sendOfflineMessage filled in (newer docs' mode), not
    // yet sent by the visitor; null when none.
    offlineForm: () => copy(jsonSafe(s.offlineForm || null)),
    // jivokit's advice the stub noted, the latest last (as the panel shows).
    advice: () => (s.advice || []).slice(),

    // The widget's life.
    load: act(() => {
      if (w.loaded()) return false;
      w.loader.now();
      return w.loaded();
    }),
    loader: () => w.loader.info(),
    destroy: act(() => w.destroy()),
    init: act(() => w.init()),
    // newCopy is a new copy of the stub's script on the page, run while
    // jivo_magic_var is unset: it loads the widget its element names.
    newCopy: act((script, src) => w.init({ script, src })),

    // The account's settings.
    setOnline: act((online) => {
      s.online = !!online;
    }),
    // setCallbacksEnabled(false, "") makes isCallbackEnabled fail without
    // a reason, as the vendor's docs allow.
    setCallbacksEnabled: act((enabled, reason) => {
      s.callbacksEnabled = !!enabled;
      s.callbackReasonless = !enabled && reason === "";
    }),

    // The agent's side.
    agentAccept: act(() => {
      requireLoaded("agentAccept");
      s.accepted = true;
      s.messages.push({ from: "system", text: "The agent accepted the chat", time: Date.now() });
      w.fire("jivo_onAccept");
    }),
    agentMessage: act((text) => {
      requireLoaded("agentMessage");
      requireText("agentMessage", text);
      s.messages.push({ from: "agent", text, time: Date.now() });
      if (minimized(s.state)) s.unread++;
      w.fire("jivo_onMessageReceived");
    }),

    // The visitor's side.
    visitorMessage: act((text) => {
      requireLoaded("visitorMessage");
      requireText("visitorMessage", text);
      // The visitor writes in the chat window, so it opens first.
      if (minimized(s.state)) w.setState("chat");
      const first = !s.messages.some((m) => m.from === "visitor");
      s.messages.push({ from: "visitor", text, time: Date.now() });
      if (!s.chatStarted) {
        s.chatStarted = true;
        if (!s.invitation) w.fire("jivo_onClientStartChat");
      }
      if (first) w.fire("jivo_onMessageSent");
    }),
    // The visitor sends the offline form sendOfflineMessage filled in.
    visitorSendOfflineForm: act(() => {
      requireLoaded("visitorSendOfflineForm");
      sendOfflineForm(s);
    }),
    visitorIntroduce: act((info) => {
      requireLoaded("visitorIntroduce");
      if (!isObject(info)) throw new TypeError("jivokitStub.visitorIntroduce: give an object {name, email, phone, description}");
      for (const k of ["name", "email", "phone", "description"]) {
        if (typeof info[k] === "string") s.contact[k] = info[k];
      }
      w.fire("jivo_onIntroduction");
    }),
    callStart: act(() => {
      requireLoaded("callStart");
      if (!callInProgress(s)) s.call = { phone: (s.call && s.call.phone) || s.contact.phone || "", status: "requested", reason: "" };
      s.call.status = "started";
      w.fire("jivo_onCallStart");
    }),
    callEnd: act((ok, reason) => {
      requireLoaded("callEnd");
      const res = ok ? { result: "ok" } : { result: "fail", reason: reason === undefined || reason === null || reason === "" ? "Call failed" : String(reason) };
      if (!s.call) s.call = { phone: s.contact.phone || "", status: "", reason: "" };
      s.call.status = ok ? "ended" : "failed";
      s.call.reason = res.reason || "";
      w.fire("jivo_onCallEnd", res);
    }),
    // callEndWithoutResult: jivo_onCallEnd with no argument, as the
    // vendor's docs allow.
    callEndWithoutResult: act(() => {
      requireLoaded("callEndWithoutResult");
      if (!s.call) s.call = { phone: s.contact.phone || "", status: "", reason: "" };
      s.call.status = "ended";
      s.call.reason = "";
      w.fire("jivo_onCallEnd");
    }),
    resize: act(() => {
      requireLoaded("resize");
      w.fire("jivo_onResizeCallback");
    }),
  };
}

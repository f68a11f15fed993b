// The widget's state: what the visitor sees, what the agent sees, and the
// settings the control API changes.

// freshState is the state of a page session before the widget loads.
export function freshState(options) {
  return Object.assign({
    // Settings of the (pretend) account: survive jivo_destroy.
    online: !options.offline,
    callbacksEnabled: !options.callbacksDisabled,
    callbackReasonless: false, // isCallbackEnabled fails without a reason
    // What the visitor's browser keeps (localStorage in the real widget):
    // survives jivo_destroy, cleared by clearHistory.
    contact: { name: "", email: "", phone: "", description: "" },
    messages: [], // {from: 'visitor' | 'agent' | 'system', text, time, invitation?}
    offlineMessages: [],
    unread: 0,
    chatStarted: false,
    accepted: false,
    visitorNumber: 0, // 0 until asked; then this visitor's number
  }, pageState()); // what the page sets on each load: reset by jivo_destroy
}

// pageState is the part the page sets again after every load (the page
// runtime re-applies its configuration on each jivo_onLoadCallback).
export function pageState() {
  return {
    state: "label",
    menu: false,
    customData: [], // as the agent sees it: {title, key, content, link}
    token: null,
    invitation: null, // {text, department_id}
    rules: null,
    color: null,
    color2: null,
    pageTitle: null, // {title, fromApi, url}
    clientAttributes: {},
    call: null, // {phone, status: 'requested' | 'started' | 'ended' | 'failed', reason}
  };
}

// clearHistory forgets the visitor: contacts, messages, unread count, the
// started chat; the next getVisitorNumber numbers a new visitor.
export function clearHistory(s) {
  s.contact = { name: "", email: "", phone: "", description: "" };
  s.messages = [];
  s.offlineMessages = [];
  s.unread = 0;
  s.chatStarted = false;
  s.accepted = false;
  s.visitorNumber = 0;
}

export function minimized(state) {
  return state === "label" || state === "chat/min";
}

export function callInProgress(s) {
  return !!s.call && (s.call.status === "requested" || s.call.status === "started");
}

// agentView is what the agent's app shows about the visitor.
export function agentView(s) {
  const c = s.contact;
  return {
    visitorNumber: s.visitorNumber || null,
    contactInfo: { name: c.name || null, email: c.email || null, phone: c.phone || null, description: c.description || null },
    customData: s.customData.map((f) => Object.assign({}, f)),
    token: s.token,
    invitation: s.invitation && Object.assign({}, s.invitation),
    pageTitle: s.pageTitle && Object.assign({}, s.pageTitle),
    clientAttributes: Object.assign({}, s.clientAttributes),
    rules: s.rules,
    color: s.color,
    color2: s.color2,
    accepted: s.accepted,
    call: s.call && Object.assign({}, s.call),
    messages: s.messages.map((m) => Object.assign({}, m)),
    offlineMessages: s.offlineMessages.map((m) => Object.assign({}, m)),
  };
}

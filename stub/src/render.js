// The stub's small visible widget: a label, the chat window, the call form
// and the agent's side panel, so a screenshot tells what happened. Plain DOM
// under one root element (#jivokit-stub), one <style> element, no external
// resources, and ASCII only (a page may load it without a charset). Every
// piece of data is written with textContent or as an attribute, never as
// markup. Without a document nothing is drawn.
//
// The panel sits fixed at the bottom right, over the page: its bar's
// "hide" button (a real <button>, so the keyboard reaches it, with
// aria-expanded) collapses it to the bar, and "show" brings it back.

import { sendOfflineForm } from "./api.js";
import { linkProblem } from "./validate.js";

export const ROOT_ID = "jivokit-stub";
// JDIV_ID is the visible widget: <jdiv> elements in the page's body, as the
// vendor's bundle draws them, outside #jivo-iframe-container.
export const JDIV_ID = "jivokit-stub-jdiv";
const BODY_ID = "jivokit-stub-body";

const CSS = [
  "#jivokit-stub{position:fixed;right:12px;bottom:12px;z-index:2147483000;width:540px;max-width:calc(100vw - 24px);background:#fff;color:#222;border:1px solid #999;border-radius:6px;box-shadow:0 2px 10px rgba(0,0,0,.25);font:12px/1.35 system-ui,sans-serif;text-align:left}",
  "#jivokit-stub *{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit}",
  "#jivokit-stub b{font-weight:bold}",
  "#jivokit-stub .jks-close{float:right;padding:0 6px}",
  "#jivokit-stub[data-collapsed]{width:auto}",
  "#jivokit-stub[data-collapsed] .jks-bar{border-bottom:0;border-radius:6px}",
  "#jivokit-stub [hidden]{display:none!important}",
  "#jivokit-stub .jks-bar .jks-toggle{margin-left:auto;padding:0 6px}",
  "#jivokit-stub .jks-bar{display:flex;flex-wrap:wrap;gap:4px;padding:4px 6px;background:#eee;border-bottom:1px solid #ccc;border-radius:6px 6px 0 0}",
  "#jivokit-stub .jks-bar b{margin-right:4px}",
  "#jivokit-stub .jks-chip{padding:0 5px;border-radius:8px;background:#fff;border:1px solid #ccc}",
  "#jivokit-stub .jks-problem{padding:4px 6px;background:#fdd;color:#900;border-bottom:1px solid #e99}",
  "#jivokit-stub .jks-advice{padding:4px 6px;background:#fff8d8;color:#6b5300;border-bottom:1px solid #e9d98f}",
  "#jivokit-stub .jks-cols{display:flex}",
  "#jivokit-stub .jks-side{flex:1;min-width:0;padding:6px;max-height:320px;overflow:auto}",
  "#jivokit-stub .jks-agent{border-left:1px solid #ccc;background:#f8f8fb}",
  "#jivokit-stub h4{font-weight:bold;margin:4px 0 2px;color:#555;text-transform:uppercase;font-size:10px}",
  "#jivokit-stub button{cursor:pointer;border:1px solid #888;border-radius:4px;padding:2px 8px;background:#f4f4f4}",
  "#jivokit-stub .jks-label{display:block;width:100%;padding:6px;background:#1e88e5;color:#fff;border:0;font-weight:bold}",
  "#jivokit-stub .jks-msg{padding:2px 4px;margin:2px 0;border-radius:4px;white-space:pre-wrap;word-break:break-word}",
  "#jivokit-stub .jks-visitor-msg{background:#e3f2fd;margin-left:24px}",
  "#jivokit-stub .jks-agent-msg{background:#f1f1f1;margin-right:24px}",
  "#jivokit-stub .jks-system-msg{color:#777;font-style:italic}",
  "#jivokit-stub .jks-row{white-space:pre-wrap;word-break:break-word}",
  "#jivokit-stub .jks-title{color:#777;font-size:10px}",
  "#jivokit-stub a{color:#1565c0;text-decoration:underline}",
  "#jivokit-stub .jks-muted{color:#888}",
].join("\n");

export function createView(doc, nonce) {
  let root = null;
  let waiting = false;
  let collapsed = false;
  let toggle = null;
  let jdiv = null;

  // drawLabel draws the visitor's launcher as <jdiv> elements: the label,
  // and the chat's state; a click opens or closes the chat.
  function drawLabel(w) {
    if (!jdiv) return;
    const s = w.s;
    const open = !(s.state === "label" || s.state === "chat/min");
    jdiv.textContent = "";
    jdiv.setAttribute("data-state", s.state);
    jdiv.setAttribute("data-mode", s.online ? "online" : "offline");
    const label = add(jdiv, doc.createElement("jdiv"));
    label.className = "jivokit-stub-jlabel";
    label.textContent = open ? "Close the chat" : s.online ? "Chat with us" : "Leave a message";
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    const st = label.style;
    st.display = "block";
    st.padding = "8px 14px";
    st.borderRadius = "18px";
    st.cursor = "pointer";
    st.font = "bold 13px system-ui,sans-serif";
    st.color = "#fff";
    st.background = s.color ? (s.color2 ? "linear-gradient(90deg," + s.color + "," + s.color2 + ")" : s.color) : "#1e88e5";
    if (s.unread) {
      const badge = add(jdiv, doc.createElement("jdiv"));
      badge.className = "jivokit-stub-jbadge";
      badge.textContent = String(s.unread);
    }
    label.addEventListener("click", () => {
      w.setState(open ? "label" : "chat");
      w.changed();
    });
  }

  function el(tag, cls, text) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function add(parent, child) {
    parent.appendChild(child);
    return child;
  }

  function row(parent, label, value) {
    const r = add(parent, el("div", "jks-row"));
    add(r, el("b", "", label));
    r.appendChild(doc.createTextNode(": " + (value === null || value === undefined || value === "" ? "-" : String(value))));
    return r;
  }

  function bar(w) {
    const s = w.s;
    const b = el("div", "jks-bar");
    add(b, el("b", "", "JivoChat stub"));
    const chips = [
      "state: " + s.state,
      s.online ? "online" : "offline",
      s.callbacksEnabled ? "callbacks on" : "callbacks disabled",
      "visitor #" + (s.visitorNumber || "?"),
      "unread: " + s.unread,
      "calls: " + w.calls.count(),
    ];
    for (const c of chips) add(b, el("span", "jks-chip", c));
    toggle = add(b, el("button", "jks-toggle", collapsed ? "show" : "hide"));
    toggle.setAttribute("type", "button");
    toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
    toggle.setAttribute("aria-controls", BODY_ID);
    toggle.setAttribute("title", collapsed ? "Show the stub's panel" : "Collapse the stub's panel to this bar");
    toggle.addEventListener("click", () => {
      collapsed = !collapsed;
      draw(w);
    });
    return b;
  }

  function visitorSide(w, s) {
    const side = el("div", "jks-side jks-visitor");
    add(side, el("h4", "", "Visitor sees"));
    if (s.state === "label" || s.state === "chat/min") {
      const label = add(side, el("button", "jks-label", s.online ? "Chat with us" : "Leave a message"));
      label.setAttribute("type", "button");
      if (s.color) label.style.background = s.color2 ? "linear-gradient(90deg," + s.color + "," + s.color2 + ")" : s.color;
      label.addEventListener("click", () => {
        w.setState("chat");
        w.changed();
      });
      if (s.state === "chat/min") add(side, el("div", "jks-muted", "chat minimized"));
      return side;
    }
    const head = add(side, el("div", "jks-row"));
    add(head, el("b", "", s.online ? "Chat" : "Offline: leave a message"));
    if (s.menu) add(head, el("span", "jks-muted", " (channel menu)"));
    const close = add(head, el("button", "jks-close", "close"));
    close.setAttribute("type", "button");
    close.setAttribute("title", "close");
    close.addEventListener("click", () => {
      s.menu = false;
      w.setState("label");
      w.changed();
    });
    if (s.messages.length === 0) add(side, el("div", "jks-muted", "no messages yet"));
    for (const m of s.messages.slice(-12)) {
      const who = m.from === "visitor" ? "Visitor" : m.from === "agent" ? (m.invitation ? "Invitation" : "Agent") : "";
      add(side, el("div", "jks-msg jks-" + m.from + "-msg", who ? who + ": " + m.text : m.text));
    }
    if (s.state === "call" || s.state === "chat/call") {
      add(side, el("h4", "", "Call me back"));
      if (!s.callbacksEnabled) add(side, el("div", "jks-muted", "Callback disabled"));
      row(side, "Phone", s.call ? s.call.phone : s.contact.phone);
      row(side, "Status", s.call ? s.call.status + (s.call.reason ? " (" + s.call.reason + ")" : "") : "not requested");
    }
    if (s.offlineForm) {
      // sendOfflineMessage filled the offline form (the newer docs); the
      // visitor sends it.
      add(side, el("h4", "", "Offline form"));
      row(side, "Message", s.offlineForm.message);
      row(side, "Reply to", s.offlineForm.email || s.offlineForm.phone);
      const send = add(side, el("button", "jks-send-offline", "send"));
      send.setAttribute("type", "button");
      send.addEventListener("click", () => {
        sendOfflineForm(s);
        w.changed();
      });
    }
    return side;
  }

  function agentSide(s) {
    const side = el("div", "jks-side jks-agent");
    add(side, el("h4", "", "Agent sees"));
    if (s.accepted) add(side, el("div", "jks-muted", "chat accepted"));
    row(side, "Visitor", s.visitorNumber ? "#" + s.visitorNumber : null);
    const c = s.contact;
    row(side, "Name", c.name);
    row(side, "E-mail", c.email);
    row(side, "Phone", c.phone);
    row(side, "Description", c.description);
    if (s.token !== null) row(side, "Token", s.token);
    if (s.customData.length) add(side, el("h4", "", "Custom data"));
    for (const f of s.customData) {
      const box = add(side, el("div", "jks-field"));
      if (f.title) add(box, el("div", "jks-title", f.title));
      const line = add(box, el("div", "jks-row"));
      if (f.key) {
        add(line, el("b", "", f.key));
        line.appendChild(doc.createTextNode(": "));
      }
      // Checked again here: a link is only ever drawn when it is safe.
      if (f.link && !linkProblem(f.link)) {
        const a = add(line, el("a", "", f.content || f.link));
        a.setAttribute("href", f.link);
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer");
      } else {
        line.appendChild(doc.createTextNode(f.content));
      }
    }
    if (s.invitation) row(side, "Invitation", s.invitation.text + (s.invitation.department_id !== null ? " (department " + s.invitation.department_id + ")" : ""));
    if (s.pageTitle) row(side, "Page", s.pageTitle.title + (s.pageTitle.url ? " - " + s.pageTitle.url : ""));
    const attrs = Object.keys(s.clientAttributes);
    if (attrs.length) {
      add(side, el("h4", "", "Client attributes"));
      for (const id of attrs) row(side, id, s.clientAttributes[id]);
    }
    if (s.call) row(side, "Call", s.call.phone + ", " + s.call.status + (s.call.reason ? " (" + s.call.reason + ")" : ""));
    if (s.offlineMessages.length) {
      const last = s.offlineMessages[s.offlineMessages.length - 1];
      row(side, "Offline messages", s.offlineMessages.length + ", last: " + last.message);
    }
    return side;
  }

  function draw(w) {
    drawLabel(w);
    if (!root) return;
    const s = w.s;
    // Redrawing replaces every element: keyboard focus on the toggle moves
    // to its replacement.
    const refocus = toggle !== null && doc.activeElement === toggle;
    root.textContent = "";
    root.setAttribute("data-state", s.state);
    root.setAttribute("data-mode", s.online ? "online" : "offline");
    const style = add(root, el("style", "", CSS));
    if (nonce) style.setAttribute("nonce", nonce);
    if (collapsed) root.setAttribute("data-collapsed", "");
    else root.removeAttribute("data-collapsed");
    add(root, bar(w));
    const body = add(root, el("div", "jks-body"));
    body.id = BODY_ID;
    if (collapsed) body.setAttribute("hidden", "");
    const problems = w.problems.slice();
    if (!w.tableCheck.ok) problems.unshift(w.tableCheck.message);
    for (const p of problems) add(body, el("div", "jks-problem", p));
    // jivokit's advice about values that went through (see api.js).
    for (const a of s.advice || []) add(body, el("div", "jks-advice", "advice: " + a));
    const cols = add(body, el("div", "jks-cols"));
    add(cols, visitorSide(w, s));
    add(cols, agentSide(s));
    if (refocus && typeof toggle.focus === "function") toggle.focus();
  }

  function mount(w) {
    if (!doc || root) return;
    if (!doc.body) {
      if (!waiting && typeof doc.addEventListener === "function") {
        waiting = true;
        doc.addEventListener("DOMContentLoaded", () => {
          waiting = false;
          if (w.phase() === "loaded") mount(w);
        });
      }
      return;
    }
    root = el("div", "jivokit-stub");
    root.id = ROOT_ID;
    doc.body.appendChild(root);
    jdiv = doc.createElement("jdiv");
    jdiv.id = JDIV_ID;
    jdiv.className = "jivokit-stub-jdiv";
    const st = jdiv.style;
    st.position = "fixed";
    st.left = "12px";
    st.bottom = "12px";
    st.zIndex = "2147483000";
    st.display = "block";
    doc.body.appendChild(jdiv);
    draw(w);
  }

  function unmount() {
    if (root && root.parentNode) root.parentNode.removeChild(root);
    if (jdiv && jdiv.parentNode) jdiv.parentNode.removeChild(jdiv);
    jdiv = null;
    root = null;
    toggle = null;
  }

  return { mount, unmount, draw };
}

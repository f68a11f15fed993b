// A small fake DOM for the life script's tests: elements with attributes,
// children and the selectors the script uses (tag, #id, .class, [a],
// [a=v], [a*=v], compounds and comma lists), events, a MutationObserver
// that reports after each change, localStorage and history.
import vm from 'node:vm';

const parse = (sel) =>
  sel.split(',').map((part) => {
    const m = part.trim().match(/^([a-z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:\*?="[^"]*")?\])*)$/i);
    if (!m) throw new Error('fake DOM: unsupported selector ' + part);
    const tests = [];
    if (m[1]) tests.push((e) => e.tagName == m[1].toUpperCase());
    for (const t of m[2].match(/#[\w-]+|\.[\w-]+|\[[^\]]+\]/g) || []) {
      if (t[0] == '#') tests.push((e) => e.id == t.slice(1));
      else if (t[0] == '.') tests.push((e) => (e.className || '').split(/\s+/).includes(t.slice(1)));
      else {
        const [, name, op, val] = t.match(/^\[([\w-]+)(\*?=)?(?:"([^"]*)")?\]$/);
        tests.push((e) => {
          const v = e.getAttribute(name);
          return v !== null && (!op || (op == '=' ? v == val : v.includes(val)));
        });
      }
    }
    return (e) => tests.every((f) => f(e));
  });

class Events {
  constructor() {
    this.listeners = {};
  }
  addEventListener(type, f) {
    (this.listeners[type] ||= []).push(f);
  }
  removeEventListener(type, f) {
    this.listeners[type] = (this.listeners[type] || []).filter((g) => g != f);
  }
  dispatchEvent(e) {
    e.target ||= this;
    for (const f of (this.listeners[e.type] || []).slice()) f(e);
    return !e.defaultPrevented;
  }
}

export function newDOM({ width = 1200, path = '/' } = {}) {
  // Observers hear at once (a browser's hear at the end of the task) of
  // child lists and of the attributes they filter; not while they run.
  const observers = [];
  let busy = 0;
  const changed = (attr) => {
    if (busy) return;
    busy = 1;
    try {
      observers.forEach((o) => (!attr || o.filter.includes(attr)) && o.f([]));
    } finally {
      busy = 0;
    }
  };
  class Node extends Events {
    constructor(tag, doc) {
      super();
      this.tagName = tag.toUpperCase();
      this.nodeType = 1;
      this.attrs = new Map();
      this.childNodes = [];
      this.parentNode = null;
      this.ownerDocument = doc;
      this.textContent = '';
      this.inert = false;
    }
    get children() {
      return this.childNodes;
    }
    get id() {
      return this.getAttribute('id') || '';
    }
    set id(v) {
      this.setAttribute('id', v);
    }
    get className() {
      return this.getAttribute('class') || '';
    }
    set className(v) {
      this.setAttribute('class', v);
    }
    get src() {
      return this.getAttribute('src') || '';
    }
    set src(v) {
      this.setAttribute('src', new URL(v, 'https://shop.example/').href);
    }
    get open() {
      return this.attrs.has('open');
    }
    get attributes() {
      return [...this.attrs].map(([name, value]) => ({ name, value }));
    }
    getAttribute(k) {
      return this.attrs.has(k) ? this.attrs.get(k) : null;
    }
    hasAttribute(k) {
      return this.attrs.has(k);
    }
    setAttribute(k, v) {
      this.attrs.set(k, String(v));
      if (this.isConnected) changed(k);
    }
    removeAttribute(k) {
      this.attrs.delete(k);
      if (this.isConnected) changed(k);
    }
    get isConnected() {
      let n = this;
      while (n.parentNode) n = n.parentNode;
      return n === doc;
    }
    appendChild(c) {
      return this.insertBefore(c, null);
    }
    insertBefore(c, ref) {
      if (c.parentNode) c.remove();
      const i = ref ? this.childNodes.indexOf(ref) : -1;
      i < 0 ? this.childNodes.push(c) : this.childNodes.splice(i, 0, c);
      c.parentNode = this;
      if (this.isConnected) changed();
      return c;
    }
    remove() {
      const p = this.parentNode;
      if (!p) return;
      p.childNodes.splice(p.childNodes.indexOf(this), 1);
      this.parentNode = null;
      if (p.isConnected || p === doc) changed();
    }
    matches(sel) {
      return parse(sel).some((f) => f(this));
    }
    querySelectorAll(sel) {
      const fs = parse(sel);
      const out = [];
      const walk = (n) => {
        for (const c of n.childNodes) {
          if (fs.some((f) => f(c))) out.push(c);
          walk(c);
        }
      };
      walk(this);
      return out;
    }
    querySelector(sel) {
      return this.querySelectorAll(sel)[0] || null;
    }
  }
  const doc = new Events();
  doc.nodeType = 9;
  doc.childNodes = [];
  doc.readyState = 'complete';
  doc.title = 'Home';
  doc.createElement = (tag) => new Node(tag, doc);
  doc.createDocumentFragment = () => new Node('#fragment', null);
  const root = doc.createElement('html');
  doc.childNodes.push(root);
  root.parentNode = doc;
  doc.documentElement = root;
  doc.head = root.appendChild(doc.createElement('head'));
  doc.body = root.appendChild(doc.createElement('body'));
  doc.querySelectorAll = (s) => root.querySelectorAll(s).concat(root.matches(s) ? [root] : []);
  doc.querySelector = (s) => doc.querySelectorAll(s)[0] || null;
  doc.getElementById = (id) => root.querySelector('#' + id);
  doc.currentScript = null;

  const store = new Map();
  const localStorage = {
    getItem: (k) => (store.has(k) ? store.get(k) : null),
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k),
  };
  // Object.keys(localStorage) lists the keys, as in browsers.
  const ls = new Proxy(localStorage, {
    ownKeys: () => [...store.keys()],
    getOwnPropertyDescriptor: (t, k) => (store.has(k) ? { enumerable: true, configurable: true, value: store.get(k) } : undefined),
  });
  const location = new URL(path, 'https://shop.example/');
  const history = {
    pushState: (s, t, u) => (location.href = new URL(u, location.href).href),
    replaceState: (s, t, u) => (location.href = new URL(u, location.href).href),
  };
  class CustomEvent {
    constructor(type, o = {}) {
      this.type = type;
      this.detail = o.detail;
      this.cancelable = !!o.cancelable;
      this.defaultPrevented = false;
    }
    preventDefault() {
      this.defaultPrevented = true;
    }
  }
  class MutationObserver {
    constructor(f) {
      this.f = f;
    }
    observe(target, o) {
      this.filter = o.attributeFilter || [];
      observers.push(this);
    }
  }
  const win = new Events();
  const sandbox = {
    console: { error: () => {}, log: () => {} },
    setTimeout,
    clearTimeout,
    URL,
    JSON,
    document: doc,
    location,
    history,
    localStorage: ls,
    CustomEvent,
    MutationObserver,
    innerWidth: width,
    addEventListener: (t, f) => win.addEventListener(t, f),
    dispatchEvent: (e) => win.dispatchEvent(e),
    DOMParser: class {
      parseFromString(html) {
        // The tests give the page's block as the whole response.
        const m = html.match(/<script[^>]*id="jivokit-config"[^>]*>([\s\S]*?)<\/script>/);
        return { getElementById: () => (m ? { textContent: m[1] } : null) };
      }
    },
  };
  const ctx = vm.createContext(sandbox);
  const w = vm.runInContext('this', ctx);
  w.window = w;
  return { ctx, win: w, doc, store, location, history, Event: CustomEvent, el: (tag, attrs = {}, parent) => {
    const e = doc.createElement(tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  } };
}

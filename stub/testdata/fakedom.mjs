// A tiny fake document, just enough for the stub's rendering: elements and
// text nodes, attributes, style, textContent, listeners. Setting innerHTML
// (or outerHTML, insertAdjacentHTML) throws, so a test fails if the stub
// ever writes markup.

class FakeNode {
  constructor(doc, nodeType, name) {
    this.ownerDocument = doc;
    this.nodeType = nodeType;
    this.nodeName = name;
    this.tagName = nodeType === 1 ? name : undefined;
    this.childNodes = [];
    this.parentNode = null;
    this.data = '';
    this.attributes = new Map();
    this.style = {};
    this.listeners = {};
  }
  get firstChild() {
    return this.childNodes[0] || null;
  }
  get children() {
    return this.childNodes.filter((n) => n.nodeType === 1);
  }
  appendChild(c) {
    if (!(c instanceof FakeNode)) throw new TypeError('appendChild: not a node');
    if (c.parentNode) c.parentNode.removeChild(c);
    c.parentNode = this;
    this.childNodes.push(c);
    // A script added to a document with a script runner (an iframe's) runs
    // at once, as an inline script added by a script does in a browser.
    const doc = this.ownerDocument;
    if (c.tagName === 'SCRIPT' && doc && doc.runScript) doc.runScript(c.text || c.textContent, c);
    return c;
  }
  removeChild(c) {
    const i = this.childNodes.indexOf(c);
    if (i < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(i, 1);
    c.parentNode = null;
    return c;
  }
  remove() {
    if (this.parentNode) this.parentNode.removeChild(this);
  }
  get textContent() {
    if (this.nodeType === 3) return this.data;
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v) {
    if (this.nodeType === 3) {
      this.data = String(v);
      return;
    }
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    if (v !== '' && v !== null && v !== undefined) this.appendChild(this.ownerDocument.createTextNode(String(v)));
  }
  set innerHTML(v) {
    throw new Error('the stub set innerHTML: data must be written with textContent');
  }
  get innerHTML() {
    throw new Error('the stub read innerHTML');
  }
  set outerHTML(v) {
    throw new Error('the stub set outerHTML');
  }
  insertAdjacentHTML() {
    throw new Error('the stub called insertAdjacentHTML');
  }
  setAttribute(k, v) {
    this.attributes.set(String(k).toLowerCase(), String(v));
  }
  getAttribute(k) {
    k = String(k).toLowerCase();
    return this.attributes.has(k) ? this.attributes.get(k) : null;
  }
  hasAttribute(k) {
    return this.attributes.has(String(k).toLowerCase());
  }
  removeAttribute(k) {
    this.attributes.delete(String(k).toLowerCase());
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
  // focus makes this node the document's activeElement.
  focus() {
    this.ownerDocument.activeElement = this;
  }
  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }
  removeEventListener(type, fn) {
    const l = this.listeners[type] || [];
    const i = l.indexOf(fn);
    if (i >= 0) l.splice(i, 1);
  }
  // dispatch calls the listeners of type, as a click would.
  dispatch(type) {
    for (const fn of (this.listeners[type] || []).slice()) fn.call(this, { type, target: this, preventDefault() {} });
  }
  // all returns this node and every node below it, in document order.
  all() {
    return [this, ...this.childNodes.flatMap((c) => c.all())];
  }
  // find returns the elements below this one for which pred holds.
  find(pred) {
    return this.all().filter((n) => n !== this && n.nodeType === 1 && pred(n));
  }
  byClass(cls) {
    return this.find((n) => n.className.split(/\s+/).includes(cls));
  }
  byTag(tag) {
    return this.find((n) => n.tagName === tag.toUpperCase());
  }
  // querySelector knows tag[attr] and tag[attr="value"], enough for the stub.
  querySelector(sel) {
    const m = /^(\w+)\[([\w-]+)(?:="([^"]*)")?\]$/.exec(sel);
    if (!m) throw new Error('fakedom: querySelector does not know ' + sel);
    return this.find((n) => n.tagName === m[1].toUpperCase() && n.hasAttribute(m[2]) && (m[3] === undefined || n.getAttribute(m[2]) === m[3]))[0] || null;
  }
}

export class FakeDocument extends FakeNode {
  constructor({ body = true } = {}) {
    super(null, 9, '#document');
    this.ownerDocument = this;
    this.documentElement = this.appendChild(this.createElement('html'));
    this.head = this.documentElement.appendChild(this.createElement('head'));
    this.body = null;
    if (body) this.addBody();
    this.currentScript = null;
    this.activeElement = null;
    this.title = '';
    // defaultView is the window; runInFrame(code, frameWindow) runs an
    // iframe's inline script (page.mjs sets both).
    this.defaultView = null;
    this.runInFrame = null;
    this.readyState = body ? 'complete' : 'loading';
  }
  addBody() {
    this.body = this.documentElement.appendChild(this.createElement('body'));
    this.readyState = 'interactive';
    this.dispatch('DOMContentLoaded');
  }
  createElement(tag) {
    const n = new FakeNode(this, 1, String(tag).toUpperCase());
    if (n.tagName === 'IFRAME') {
      // A same-origin iframe: its document and window exist at once; its
      // document runs the inline scripts added to it.
      const idoc = new FakeDocument();
      const top = this;
      n.contentDocument = idoc;
      n.contentWindow = { document: idoc, parent: null };
      idoc.runScript = (code) => {
        n.contentWindow.parent = top.defaultView;
        if (top.runInFrame) top.runInFrame(code, n.contentWindow);
      };
    }
    return n;
  }
  createTextNode(text) {
    const n = new FakeNode(this, 3, '#text');
    n.data = String(text);
    return n;
  }
  getElementById(id) {
    return this.all().find((n) => n.nodeType === 1 && n.id === id) || null;
  }
}

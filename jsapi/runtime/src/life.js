// The widget's life on a site, as docs/runtime.md describes it: hide and
// show with stacking reasons and declarative rules, reset, switchWidget,
// surviving htmx's and Turbo's body swaps, and a launcher's live state.
// It runs after the page runtime (and the loader, when the page has it)
// and reads its settings from the configuration block's "life" object,
// or from its own <script> element's data-life attribute (the same JSON).
// Pages that use none of this leave it out.
const w = window;
const d = w.document;
const jk = w.jivokit;
const me = d.currentScript;

if (jk && !jk.hide) {
  const E = jk.JivoError;
  const report = (e) => {
    try {
      jk.onerror(e, 'life');
    } catch (_) {
      // a broken onerror breaks nothing
    }
  };
  const fail = (m, why) => {
    const e = new E(m, why);
    report(e);
    return e;
  };
  // desc describes a value of the page's for a message: never throws
  // (a BigInt, a cyclic object, a Proxy), never long.
  const desc = (x) => {
    try {
      x = typeof x == 'string' ? JSON.stringify(x) : typeof x + ' ' + String(x);
    } catch (_) {
      x = typeof x;
    }
    return x.length > 60 ? x.slice(0, 60) + '…' : x;
  };
  const nonce = (me && me.nonce) || '';
  const root = d.documentElement;
  const qa = (s, r) => Array.from((r || d).querySelectorAll(s));
  const has = (el, s) => el.nodeType == 1 && el.matches(s);
  // The vendor's DOM (and the launcher the loader adds): what hides, and
  // what a body swap must leave in place. The stub widget's root is there
  // too, so that pages on the stub behave as on the widget.
  const KEEP = '#jivo-iframe-container,jdiv,.jivo_shadow,.jivokit-launcher,#jivokit-stub';
  const LAUNCHERS = '[data-jivokit-launcher],.jivokit-launcher';
  const WIDGET = /\/(script\/)?(geo-)?widget\/([A-Za-z0-9]+)(?=[/?#]|$)/;
  // The widget's script: the vendor's by its URL or jv-id, or the one the
  // snippet names (data-widget-src, such as the stub's).
  const srcs = [];
  const isWidget = (s) => has(s, 'script[jv-id],script[data-jv-id]') || WIDGET.test(s.src || '') || srcs.indexOf(s.src) >= 0;

  // ---- hide and show ------------------------------------------------
  const held = []; // the reasons the widget is hidden for
  const style = d.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent =
    'html[data-jivokit-hidden] jdiv,html[data-jivokit-hidden] .jivo_shadow,html[data-jivokit-hidden] .jivokit-launcher,' +
    'html[data-jivokit-hidden] #jivokit-stub{display:none!important}' +
    'html[data-jivokit-hidden] #jivo-iframe-container{visibility:hidden!important}';
  (d.head || root).appendChild(style);
  const paint = () => {
    held.length ? root.setAttribute('data-jivokit-hidden', held.join(' ')) : root.removeAttribute('data-jivokit-hidden');
    // Hidden also from assistive technology and the keyboard: display
    // none does both; inert covers a site's own CSS that shows them.
    for (const el of qa(KEEP)) el.inert = !!held.length;
  };
  const REASON = /^[A-Za-z][\w-]{0,31}$/;
  // toggle holds or releases reason: true when that changed something,
  // false for a documented no-op (hidden for it already, or not hidden
  // for it), a JivoError for a reason that is not a word.
  const toggle = (m, on, reason = 'page') => {
    if (typeof reason != 'string' || !REASON.test(reason)) return fail(m, 'reason must be a word of letters, digits, - and _ (at most 32), not ' + desc(reason));
    const i = held.indexOf(reason);
    if (on && i < 0) held.push(reason);
    else if (!on && i >= 0) held.splice(i, 1);
    else return false;
    paint();
    emit();
    return true;
  };
  jk.hide = (reason) => toggle('hide', true, reason);
  jk.show = (reason) => toggle('show', false, reason);
  Object.defineProperty(jk, 'hidden', { get: () => held.slice() });

  // ---- rules ----------------------------------------------------------
  let rules = { paths: [], below: 0, elements: false, launcher: false };
  // glob checks a path pattern: * is any run of characters, and /x/*
  // also covers /x itself. match matches one in linear passes, O(n*m) at
  // worst: a star only ever goes back to the last star, where a RegExp of
  // .* runs backtracks exponentially (/*/*/*/*/*/edit on a long path).
  const glob = (p) => {
    if (typeof p != 'string' || !/^\/[^\s?#]*$/.test(p)) throw new Error('path pattern ' + desc(p) + ' must start with / and have no space, ? or #');
    return p;
  };
  const match = (p, s) => {
    if (p.slice(-2) == '/*' && s == p.slice(0, -2)) return true;
    let i = 0;
    let j = 0;
    let star = -1;
    let at = 0;
    while (j < s.length) {
      if (p[i] == '*') (star = i++), (at = j);
      else if (p[i] === s[j]) i++, j++;
      else if (star >= 0) (i = star + 1), (j = ++at);
      else return false;
    }
    while (p[i] == '*') i++;
    return i == p.length;
  };
  const setRules = (r) => {
    try {
      return rulesOf(r);
    } catch (e) {
      return fail('rules', 'rules could not be read: ' + desc(e));
    }
  };
  const rulesOf = (r) => {
    if (r == null) r = {};
    if (typeof r != 'object') return fail('rules', 'rules must be an object');
    const next = { paths: [], below: 0, elements: !!r.elements, launcher: !!r.launcher };
    const errs = [];
    const ps = r.paths == null ? [] : r.paths;
    if (!Array.isArray(ps)) errs.push('paths must be a list of patterns');
    else for (const p of ps) {
      try {
        next.paths.push(glob(p));
      } catch (e) {
        errs.push(e.message);
      }
    }
    const b = r.below;
    if (b != null && !(typeof b == 'number' && b >= 0 && b < 1e5)) errs.push('below must be a width in CSS pixels, not ' + desc(b));
    else next.below = b || 0;
    rules = next;
    evaluate();
    return errs.length ? fail('rules', errs.join('; ') + ' (left out)') : true;
  };
  jk.rules = setRules;
  const rule = (reason, on) => {
    const i = held.indexOf(reason);
    if (on ? i < 0 : i >= 0) toggle('rules', on, reason);
  };
  let open = false;
  const evaluate = () => {
    rule('route', rules.paths.some((p) => match(p, location.pathname)));
    rule('viewport', w.innerWidth < rules.below);
    rule('element', rules.elements && qa('[data-jivokit-hide]').some((el) => el.tagName != 'DIALOG' || el.open));
    rule('launcher', rules.launcher && !open && !!d.querySelector('[data-jivokit-launcher]'));
  };
  w.addEventListener('resize', evaluate);

  // ---- state ----------------------------------------------------------
  const st = { phase: jk.phase, open: false, online: false, unread: 0 };
  const subs = [];
  let last = '';
  const mirror = () => {
    // Only what changed is written: a page's own observers see no churn.
    for (const el of qa(LAUNCHERS)) {
      for (const k in st) if (el.getAttribute('data-jivokit-' + k) !== '' + st[k]) el.setAttribute('data-jivokit-' + k, st[k]);
    }
  };
  // emit tells the listeners of a change. A change a listener makes is
  // told after the one it heard, to every listener, in order: none ends
  // up with a state older than the last it got.
  const told = [];
  let telling;
  function emit() {
    st.phase = jk.phase;
    st.open = open;
    const now = JSON.stringify(st);
    if (now == last) return;
    last = now;
    mirror();
    told.push(jk.state);
    if (telling) return;
    telling = 1;
    try {
      for (let s; (s = told.shift()); ) {
        for (const f of subs.slice()) {
          try {
            f(s);
          } catch (e) {
            report(e);
          }
        }
        d.dispatchEvent(new CustomEvent('jivokit:state', { detail: s }));
      }
    } finally {
      telling = 0;
    }
  }
  // The loader's watchdog decided the widget failed: phase "failed".
  w.addEventListener('jivokit:failure', () => emit());
  Object.defineProperty(jk, 'state', { get: () => Object.assign({}, st) });
  jk.onState = (f) => {
    if (typeof f != 'function') throw new TypeError('jivokit.onState: listener is not a function');
    subs.push(f);
    return () => subs.splice(subs.indexOf(f) >>> 0, 1);
  };
  const ask = (m) => {
    const r = jk.loaded ? jk.call(m) : null;
    return r instanceof E ? null : r;
  };
  const online = () => {
    st.online = ask('chatMode') == 'online';
  };
  const unread = () => {
    const n = ask('getUnreadMessagesCount');
    st.unread = typeof n == 'number' && n >= 0 ? n : st.unread + 1;
  };
  // Each callback may change any of it: online is asked each time.
  const on = (name, f) => jk.on(name, (...a) => (f(...a), online(), evaluate(), emit()));
  on('jivo_onLoadCallback', () => ((mine = 0), (st.unread = ask('getUnreadMessagesCount') || 0)));
  on('jivo_onOpen', () => ((open = true), (st.unread = 0)));
  on('jivo_onClose', () => (open = false));
  on('jivo_onChangeState', () => 0);
  on('jivo_onMessageReceived', () => (open ? (st.unread = 0) : unread()));
  on('jivo_onWidgetDestroy', () => (open = false));

  // ---- reset and switch -------------------------------------------------
  let mine; // the phase this script holds: 'not-requested' or 'loading'
  const phase = Object.getOwnPropertyDescriptor(jk, 'phase').get;
  Object.defineProperty(jk, 'phase', { get: () => (mine && !jk.loaded && !jk.failure ? mine : phase.call(jk)) });
  let known; // [src, attributes] of the widget's script, as last seen
  const ws = me && me.getAttribute('data-widget-src');
  if (ws) {
    try {
      known = [new URL(ws, location.href).href, Object.entries(JSON.parse(me.getAttribute('data-widget-attrs')) || {})];
      srcs.push(known[0]);
    } catch (e) {
      report(e);
    }
  }
  const find = () => {
    const s = qa('script[src]').find(isWidget);
    const l = d.querySelector('script[data-load][data-src]');
    if (s) srcs.push(s.src), known = [s.src, Array.from(s.attributes).filter((a) => a.name != 'src' && a.name != 'nonce').map((a) => [a.name, a.value])];
    else if (l && !known) known = [l.getAttribute('data-src'), []];
    return s;
  };
  find();
  const add = () => {
    const s = d.createElement('script');
    for (const [k, v] of known[1]) s.setAttribute(k, v);
    s.src = known[0];
    s.async = true;
    if (nonce) s.nonce = nonce;
    // The loader's watchdog watches this load as the first one.
    if (jk.watch) jk.watch(s);
    d.head.appendChild(s);
  };
  const load = jk.load;
  // After a reset or a switch that left it unloaded, load() adds the
  // widget's script itself (the loader's would be the old one).
  jk.load = () => {
    if (mine != 'not-requested') return load();
    mine = 'loading';
    add();
    emit();
    return jk.ready();
  };
  // teardown ends the widget and takes what it left off the page.
  const teardown = (clear, untouched) => {
    if (clear && jk.loaded) {
      const r = jk.call('clearHistory');
      if (r instanceof E) report(r);
    }
    try {
      if (!untouched && typeof w.jivo_destroy == 'function') w.jivo_destroy();
      // A widget that ends without its callback still ends.
      if (jk.loaded) w.jivo_onWidgetDestroy();
    } catch (e) {
      report(e);
    }
    for (const el of qa(KEEP + ',script[src*="/bundle_"]')) el.remove();
    const s = find();
    // A late error of the script it ends is not the next load's.
    if (s) (s.onerror = null), s.remove();
    for (const k of ['jivo_magic_var', 'jivo_config', 'jivo_api']) {
      try {
        delete w[k];
      } catch (_) {
        w[k] = undefined;
      }
    }
    // The next widget's jivo_api takes back the callbacks as the first did.
    Object.defineProperty(w, 'jivo_api', {
      configurable: true,
      get: () => undefined,
      set: (x) => {
        delete w.jivo_api;
        w.jivo_api = x;
        jk.on('jivo_onLoadCallback', () => 0)();
      },
    });
    if (clear) {
      try {
        const ls = w.localStorage;
        for (const k of Object.keys(ls)) if (/^jv_|^__jivoLoader/.test(k)) ls.removeItem(k);
      } catch (_) {
        // storage is blocked: nothing of the widget's there either
      }
    }
    open = false;
  };
  // restart sets the configuration for the next load and loads, now or on
  // jivokit.load().
  // text is cfg as JSON, made before anything was torn down. An earlier
  // failure is forgotten (calls queue again) and its watchdog stopped; an
  // add still pending from an earlier restart is cancelled.
  let pend;
  const restart = (cfg, text, now) => {
    jk.config = cfg;
    const el = d.getElementById('jivokit-config');
    if (el) el.textContent = text;
    mine = now ? 'loading' : 'not-requested';
    if (jk.watch) jk.watch();
    clearTimeout(pend);
    // After the vendor's jivo_destroy has taken its container away (10 ms).
    if (now && known) pend = setTimeout(add, 20);
    emit();
    return now ? jk.ready() : Promise.resolve();
  };
  // opts reads a configuration (and more of reset's options, f) before
  // anything is torn down: a value that cannot be read or made JSON (a
  // cyclic object, a BigInt) is a JivoError, and nothing changed.
  const opts = (m, f) => {
    try {
      return f();
    } catch (e) {
      return fail(m, 'the options cannot be read as JSON: ' + desc(e));
    }
  };
  jk.reset = (o) => {
    const x = opts('reset', () => {
      o = o || {};
      const c = o.config || null;
      return [c, JSON.stringify(c || {}), !!o.load];
    });
    if (x instanceof E) return Promise.resolve(x);
    // Nothing requested yet: what an earlier visit stored goes, and the
    // configuration; loading stays the loader's.
    const untouched = jk.phase == 'not-requested' && !w.jivo_magic_var;
    find();
    teardown(true, untouched);
    if (untouched) {
      jk.config = x[0];
      emit();
      return x[2] ? jk.load() : Promise.resolve();
    }
    if (!known) return Promise.resolve(fail('reset', 'the page has no widget script to load again'));
    return restart(...x);
  };
  jk.switchWidget = (id, cfg) => {
    if (typeof id != 'string' || !/^(\d+|[A-Za-z0-9]{10})$/.test(id)) {
      return Promise.resolve(fail('switchWidget', 'Widget id is not valid: ' + desc(id) + ' (all digits, or exactly 10 letters and digits)'));
    }
    const c = cfg === undefined ? jk.config : cfg;
    const text = opts('switchWidget', () => JSON.stringify(c || {}));
    if (text instanceof E) return Promise.resolve(text);
    // Nothing requested yet (a consent page): only the id changes.
    const untouched = jk.phase == 'not-requested' && !w.jivo_magic_var;
    find();
    if (!known) return Promise.resolve(fail('switchWidget', 'the page has no widget script'));
    // A script whose URL and attributes name no id cannot be switched.
    if (!WIDGET.test(known[0]) && !known[1].some((kv) => /^(data-)?jv-id$/.test(kv[0]))) {
      return Promise.resolve(fail('switchWidget', 'the widget script names no id to switch'));
    }
    teardown(false, untouched);
    srcs.push((known[0] = known[0].replace(WIDGET, (m, a, b) => '/' + (a || '') + (b || '') + 'widget/' + id)));
    for (const kv of known[1]) if (/^(data-)?jv-id$/.test(kv[0])) kv[1] = id;
    return restart(c, text, !untouched);
  };

  // ---- navigation: history, htmx and Turbo ------------------------------
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const byURL = {};
  const here = () => location.pathname + location.search;
  // adopt applies a page's configuration block: what changed reaches the
  // widget (or waits for its load), and the page's rules apply.
  const adopt = (text) => {
    if (text == null) text = byURL[here()];
    if (text == null) return;
    byURL[here()] = text;
    let c;
    try {
      c = JSON.parse(text) || {};
    } catch (e) {
      return report(e);
    }
    const o = jk.config || {};
    jk.config = c;
    const el = d.getElementById('jivokit-config');
    if (el) el.textContent = text;
    if (!same(o.life, c.life)) setRules(c.life);
    if (!jk.loaded) return;
    const go = (m, ...a) => {
      const r = jk.call(m, ...a);
      Promise.resolve(r).then((r) => r instanceof E && report(r));
    };
    if (c.user_token && c.user_token != o.user_token) go('setUserToken', c.user_token);
    if (c.contact_info && !same(c.contact_info, o.contact_info)) go('setContactInfo', c.contact_info);
    if (c.custom_data && !same(c.custom_data, o.custom_data)) go('setCustomData', c.custom_data);
    const col = c.widget_color;
    if (col && !same(col, o.widget_color)) go('setWidgetColor', col.color, ...(col.color2 ? [col.color2] : []));
  };
  const configIn = (html) => {
    if (typeof html != 'string') return null;
    const el = new DOMParser().parseFromString(html, 'text/html').getElementById('jivokit-config');
    return el ? el.textContent : null;
  };
  // Whether the loader follows history (data-track-pages): it then sends
  // the page title; otherwise a swap navigation does.
  let tracked = !!d.querySelector('script[data-track-pages]');
  const navigated = (text) => {
    tracked = tracked || !!d.querySelector('script[data-track-pages]');
    adopt(text);
    evaluate();
    mirror();
    if (!tracked) Promise.resolve(jk.call('sendPageTitle', d.title, true, location.href)).then((r) => r instanceof E && report(r));
  };
  for (const m of ['pushState', 'replaceState']) {
    const f = history[m];
    history[m] = function () {
      const r = f.apply(this, arguments);
      evaluate();
      return r;
    };
  }
  w.addEventListener('popstate', evaluate);
  // prepare takes out of a page about to come in what must not run or
  // show twice: the widget's script and dead copies of its DOM (a
  // snapshot of an earlier page has them).
  // jivokit's own scripts (marked data-jivokit, or the same as one this
  // page ran and naming jivokit) would do nothing again, and under a nonce
  // policy a copy made with the new page's nonce is refused.
  // Only scripts that name jivokit are kept in mind, so a long visit's
  // many pages do not pile up in memory.
  const seen = {};
  const see = () =>
    qa('script').forEach((s) => {
      const k = s.src || s.textContent;
      if (/jivokit/.test(k)) seen[k] = 1;
    });
  see();
  const prepare = (frag) => {
    see();
    for (const el of qa(KEEP, frag)) el.remove();
    for (const s of qa('script', frag)) {
      const k = s.src || s.textContent;
      if (s.getAttribute('type') != 'application/json' && (s.hasAttribute('data-jivokit') || isWidget(s) || seen[k])) s.remove();
    }
  };
  // swapBody puts the new body's content into the current body around the
  // widget's nodes, which stay where they are: a moved iframe reloads, and
  // the widget would lose its chat.
  const swapBody = (body, from, nodes) => {
    const keep = Array.from(body.children).filter((el) => has(el, KEEP));
    for (const n of Array.from(body.childNodes)) if (keep.indexOf(n) < 0) n.remove();
    const added = Array.from(nodes);
    for (const n of added) body.insertBefore(n, keep[0] || null);
    if (from) {
      for (const a of Array.from(body.attributes)) if (!from.hasAttribute(a.name)) body.removeAttribute(a.name);
      for (const a of Array.from(from.attributes)) body.setAttribute(a.name, a.value);
    }
    return added;
  };
  // Turbo Drive: render the new body into the current one.
  let turbo;
  d.addEventListener('turbo:before-render', (e) => {
    const x = e.detail;
    if (x.renderMethod == 'morph' || !x.newBody) return;
    turbo = 1;
    // Turbo clones the page it leaves for its cache a task later: the
    // body is the same element, so the swap waits for that clone.
    x.render = (cur, next) =>
      new Promise((r) => setTimeout(r)).then(() => {
        prepare(next);
        swapBody(d.body, next, next.childNodes);
      });
  });
  // The newest block: one in <head> is added by Turbo's head merge next
  // to the old one.
  const block = () => {
    const blocks = qa('script#jivokit-config');
    for (const b of blocks.slice(0, -1)) b.remove();
    return blocks.length ? blocks[blocks.length - 1].textContent : null;
  };
  d.addEventListener('turbo:load', () => turbo && navigated(block()));
  // A morphing refresh leaves the widget's nodes alone and applies the
  // page's block; the page is the same, so no title goes.
  d.addEventListener('turbo:before-morph-element', (e) => has(e.target, KEEP) && e.preventDefault());
  d.addEventListener('turbo:morph', () => (adopt(block()), evaluate(), mirror()));
  // htmx: an extension swaps the body the same way, for boosted links and
  // history restores; the response's block is read from its text, so it
  // counts wherever it is.
  let pending;
  let hx = 0;
  const htmx = () => {
    const h = w.htmx;
    if (hx || !h || !h.defineExtension) return;
    hx = 1;
    h.defineExtension('jivokit', {
      handleSwap(how, target, frag) {
        if (how != 'innerHTML' || target != d.body) return false;
        const c = frag.querySelector && frag.querySelector('#jivokit-config');
        if (c && pending == null) pending = c.textContent;
        prepare(frag);
        return swapBody(target, null, frag.childNodes);
      },
    });
    const ext = root.getAttribute('hx-ext');
    root.setAttribute('hx-ext', ext ? ext + ',jivokit' : 'jivokit');
  };
  htmx();
  d.addEventListener('htmx:load', htmx);
  d.addEventListener('DOMContentLoaded', htmx);
  d.addEventListener('htmx:beforeSwap', (e) => {
    if (e.detail.target == d.body) pending = configIn(e.detail.serverResponse);
  });
  d.addEventListener('htmx:historyCacheMissLoad', (e) => (pending = configIn(e.detail.response)));
  const settled = () => {
    const t = pending;
    pending = null;
    navigated(t);
  };
  d.addEventListener('htmx:afterSettle', (e) => e.detail.target == d.body && settled());
  d.addEventListener('htmx:historyRestore', settled);

  // Elements marked data-jivokit-hide, launchers that come and go.
  if (w.MutationObserver) {
    new MutationObserver(() => {
      if (rules.elements || rules.launcher) evaluate();
      if (held.length) paint();
      mirror();
    }).observe(d, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-jivokit-hide', 'open'] });
  }
  // The rules: the configuration block's "life", or this element's
  // data-life; before anything else shows.
  let life = (jk.config || 0).life;
  try {
    if (!life && me && me.getAttribute('data-life')) life = JSON.parse(me.getAttribute('data-life'));
  } catch (e) {
    report(e);
  }
  if (jk.config) byURL[here()] = JSON.stringify(jk.config);
  setRules(life);
  emit();
}

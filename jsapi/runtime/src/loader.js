// The loader: when the widget's script is fetched (a loading strategy),
// the watchdog that tells when it failed to load, and single-page-app
// tracking, as docs/runtime.md describes them. It runs after the page
// runtime and reads its settings from its own <script> element's data-*
// attributes:
//
//   data-load="eager|idle|interaction|consent"  when to fetch the widget
//   data-src="URL"               the widget's script (added by the loader,
//                                so that a policy with 'strict-dynamic'
//                                trusts it, hashes only as with a nonce)
//   data-attrs='{"data-x":"1"}'  more attributes for the widget's <script>
//   data-intent="click focus hover"  what loads it under interaction
//   data-label="Chat"            the launcher's text
//   data-idle-timeout="3000"     the longest wait for an idle period, ms
//   data-track-pages             follow history changes with sendPageTitle
//   data-track-delay="150"       the quiet time before one is sent, ms
//
// and from the configuration block: load_timeout (ms, default 20000) and
// fallback ({url, label}: the link shown when the widget fails to load).
const w = window;
const d = w.document;
const jk = w.jivokit;
const me = d.currentScript || d.querySelector('script[data-load]');

if (jk && me && !jk.strategy) {
  const get = (n) => me.getAttribute('data-' + n);
  const num = (n, def) => {
    const v = +get(n);
    return v >= 0 && get(n) ? v : def;
  };
  const mode = get('load') || 'eager';
  let src = get('src');
  const nonce = me.nonce || get('nonce') || '';
  const report = (e) => {
    try {
      jk.onerror(e, 'load');
    } catch (_) {
      // as the runtime: a broken onerror breaks nothing
    }
  };
  let timer; // the watchdog's timeout
  let b; // the launcher button (interaction)
  let a; // the fallback link, once shown
  let styled;
  let held; // a strategy holds the widget's script back
  jk.strategy = mode;
  jk.failure = null;
  const phase = Object.getOwnPropertyDescriptor(jk, 'phase').get;
  Object.defineProperty(jk, 'phase', {
    get: () => (jk.loaded ? 'loaded' : jk.failure ? 'failed' : held ? 'not-requested' : phase()),
  });

  // style adds the launcher's style, once: first in <head>, so that a
  // site's own .jivokit-launcher rules, later in the document, win; its
  // rules for every button or link do not.
  const style = () => {
    if (styled) return;
    styled = d.createElement('style');
    if (nonce) styled.nonce = nonce;
    styled.textContent =
      '.jivokit-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;padding:12px 20px;border:0;' +
      'border-radius:24px;background:#1e88e5;color:#fff;font:600 15px/1.2 system-ui,sans-serif;cursor:pointer;' +
      'text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.3)}.jivokit-launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}' +
      '.jivokit-launcher[aria-busy=true]{cursor:progress;opacity:.75}';
    d.head.insertBefore(styled, d.head.firstChild);
  };

  // fail is the watchdog's verdict: the phase becomes "failed", queued
  // calls and ready() are refused with the reason, listeners hear of it
  // (the window's jivokit:failure event), and the launcher gives way to
  // the site's fallback link. A widget that loads after all undoes it.
  const fail = (reason, detail) => {
    if (jk.loaded || jk.failure) return;
    clearTimeout(timer);
    const f = (jk.failure = { reason, detail });
    // The queued calls, and calls until the widget loads, are refused with
    // a JivoError that carries the failure.
    jk.lost = (m) => Object.assign(new jk.JivoError(m, 'the widget did not load: ' + reason), { failure: f });
    jk.q.splice(0).forEach((q) => q[2](jk.lost(q[0].name)));
    report(new Error('the widget did not load: ' + reason + ': ' + detail));
    if (b) b.removeAttribute('aria-busy');
    const fb = (jk.config || 0).fallback || 0;
    // The block is the site's data; a script URL never becomes a link,
    // however it is spelled (the URL parser drops tabs and newlines).
    let ok;
    try {
      ok = fb.url && !/^(javascript|data|vbscript):/.test(new URL(fb.url, location.href).protocol);
    } catch (_) {
      // not a URL: no link
    }
    // Listeners hear first: a page still in its <head> has no body for
    // the link yet, which then waits for it.
    w.dispatchEvent(new CustomEvent('jivokit:failure', { detail: f }));
    if (ok && (b || !d.querySelector('[data-jivokit-launcher]'))) {
      style();
      a = d.createElement('a');
      a.className = 'jivokit-launcher jivokit-fallback';
      a.href = fb.url;
      a.textContent = fb.label || fb.url;
      const put = (l) => jk.failure == f && (b && b.parentNode ? b.replaceWith(l) : d.body.appendChild(l));
      d.body ? put(a) : d.addEventListener('DOMContentLoaded', () => put(a));
    }
  };

  // watch (jivokit.watch, for the life script's reset and switch) starts
  // the watchdog for a load, s the widget's script (or 1 when it is in the
  // page already): the script fails, the page's policy enforces a refusal
  // of the widget's script itself, of a script of the vendor's hosts or of
  // its bundle (/js/bundle_), or the widget has not loaded within the
  // timeout. Without s it only stops it and forgets a failure, as a load.
  let on;
  const watch = (s) => {
    clearTimeout(timer);
    jk.failure = jk.lost = null;
    // The fallback link gives way to the launcher it replaced.
    if (a) b && !b.parentNode && a.parentNode ? a.replaceWith(b) : a.remove();
    if (!s) return;
    if (s.src) {
      src = s.src;
      // A refusal by the policy fires error too: its own report comes first.
      s.onerror = () => setTimeout(() => fail('script-error', 'the widget script ' + src + ' did not load'), 50);
    }
    // The browser's timer fires at once beyond 2^31-1 ms.
    const ms = Math.min((jk.config || 0).load_timeout > 0 ? jk.config.load_timeout : 20000, 2147483647);
    timer = setTimeout(() => fail('timeout', 'not loaded within ' + ms + ' ms'), ms);
    if (on) return;
    on = d.addEventListener('securitypolicyviolation', (e) => {
      const u = e.blockedURI;
      let h;
      try {
        h = new URL(u).host;
      } catch (_) {
        return; // 'inline', 'eval': not a script of the widget's
      }
      // A report-only policy refuses nothing.
      if (e.disposition == 'report' || !/^script-src/.test(e.effectiveDirective)) return;
      if (u == src || /\/js\/bundle_/.test(u) || /(^|\.)(jivosite\.com|jivo\.ru)$/.test(h)) fail('csp', e.effectiveDirective + ' refused ' + u);
    }) || 1;
    jk.on('jivo_onLoadCallback', () => watch());
  };
  jk.watch = watch;

  // fetch adds the widget's script, with the page's CSP nonce.
  const fetch = () => {
    const s = d.createElement('script');
    let attrs = {};
    try {
      attrs = JSON.parse(get('attrs') || '{}');
    } catch (e) {
      report(e);
    }
    for (const k in attrs) s.setAttribute(k, attrs[k]);
    s.src = src;
    s.async = true;
    if (nonce) s.nonce = nonce;
    watch(s);
    d.head.appendChild(s);
  };

  // launcher shows a button where the widget's label will be (or uses the
  // page's own [data-jivokit-launcher] elements): a click loads the widget
  // and opens the chat once it has loaded; focus or hover intent, when
  // data-intent names them, only loads it.
  const launcher = (go) => {
    const intent = (get('intent') || 'click').split(/[\s,]+/);
    b = d.createElement('button');
    b.type = 'button';
    b.className = 'jivokit-launcher';
    b.textContent = get('label') || 'Chat';
    const add = () => {
      style();
      if (!d.querySelector('[data-jivokit-launcher]')) d.body.appendChild(b);
    };
    // The page's own launchers may come after the loader in the document.
    d.readyState == 'loading' ? d.addEventListener('DOMContentLoaded', add) : add();
    let opening;
    const on = (type, f) => d.addEventListener(type, (e) => {
      const t = e.target;
      if (t && t.closest && t.closest('.jivokit-launcher:not(a),[data-jivokit-launcher]')) f();
    }, true);
    const busy = () => {
      if (!jk.loaded && !jk.failure) b.setAttribute('aria-busy', 'true');
      go();
    };
    // One open queues however often the visitor clicks while it loads.
    on('click', () => {
      busy();
      if (!opening && !jk.failure) (opening = jk.phase != 'loaded'), jk.call('open');
    });
    if (intent.indexOf('focus') >= 0) on('focusin', busy);
    if (intent.indexOf('hover') >= 0) on('pointerover', busy);
    // The widget's own label takes the launcher's place.
    jk.on('jivo_onLoadCallback', () => b.remove() || (opening = 0));
  };

  // track sends the page's title and URL once the URL changed and stayed
  // for the track delay, so that the title a single-page app sets just
  // after its URL is the one sent, and a burst of changes sends once.
  const track = () => {
    let last = location.href;
    let t;
    const check = () => {
      clearTimeout(t);
      t = setTimeout(() => {
        const u = location.href;
        if (u == last) return;
        last = u;
        Promise.resolve(jk.call('sendPageTitle', d.title, true, u)).then((r) => r instanceof jk.JivoError && report(r));
      }, num('track-delay', 150));
    };
    for (const m of ['pushState', 'replaceState']) {
      const f = history[m];
      history[m] = function () {
        const r = f.apply(this, arguments);
        check();
        return r;
      };
    }
    w.addEventListener('popstate', check);
    w.addEventListener('hashchange', check);
  };

  if (jk.loaded) {
    // Injected after the widget loaded: nothing to fetch or watch.
  } else if (!/^(eager|idle|interaction|consent)$/.test(mode)) {
    report(new Error('unknown loading strategy ' + mode + '; loading the widget now'));
    if (src) fetch();
  } else if (mode == 'eager') {
    // Without data-src the widget's own <script src> is in the page.
    src ? fetch() : watch(1);
  } else if (!src) {
    report(new Error('the loader has no data-src: nothing to load'));
  } else {
    // Until load() fetches the script, the phase is not-requested.
    const load = jk.load;
    held = 1;
    const go = () => held && !jk.loaded && ((held = 0), fetch());
    jk.load = () => (go(), load());
    if (mode == 'idle') {
      const idle = () => (w.requestIdleCallback ? w.requestIdleCallback(go, { timeout: num('idle-timeout', 3000) }) : setTimeout(go, 1));
      d.readyState == 'complete' ? idle() : w.addEventListener('load', idle);
    }
    if (mode == 'interaction') launcher(go);
  }
  if (get('track-pages') !== null) track();
}

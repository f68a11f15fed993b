// The loader: when the widget's script is fetched (a loading strategy) and
// single-page-app tracking, as docs/runtime.md describes them. It runs
// after the page runtime and reads its settings from its own <script>
// element's data-* attributes:
//
//   data-load="eager|idle|interaction|consent"  when to fetch the widget
//   data-src="URL"               the widget's script
//   data-attrs='{"data-x":"1"}'  more attributes for the widget's <script>
//   data-intent="click focus hover"  what loads it under interaction
//   data-label="Chat"            the launcher's text
//   data-idle-timeout="3000"     the longest wait for an idle period, ms
//   data-track-pages             follow history changes with sendPageTitle
//   data-track-delay="150"       the quiet time before one is sent, ms
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
  const src = get('src');
  const nonce = me.nonce || get('nonce') || '';
  const report = (e) => {
    try {
      jk.onerror(e, 'load');
    } catch (_) {
      // as the runtime: a broken onerror breaks nothing
    }
  };
  jk.strategy = mode;

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
    s.onerror = () => report(new Error('the widget script ' + src + ' did not load'));
    d.head.appendChild(s);
  };

  if (!/^(eager|idle|interaction|consent)$/.test(mode)) {
    report(new Error('unknown loading strategy ' + mode + '; loading the widget now'));
    if (src) fetch();
  } else if (mode != 'eager' && !src) {
    report(new Error('the loader has no data-src: nothing to load'));
  } else if (mode != 'eager' && !jk.loaded) {
    // Until load() fetches the script, the phase is not-requested.
    const phase = Object.getOwnPropertyDescriptor(jk, 'phase').get;
    const load = jk.load;
    let held = 1;
    Object.defineProperty(jk, 'phase', { get: () => (held && !jk.loaded ? 'not-requested' : phase()) });
    jk.load = () => {
      if (held) (held = 0), fetch();
      return load();
    };
    if (mode == 'idle') {
      const idle = () =>
        w.requestIdleCallback ? w.requestIdleCallback(jk.load, { timeout: num('idle-timeout', 3000) }) : setTimeout(jk.load, 1);
      d.readyState == 'complete' ? idle() : w.addEventListener('load', idle);
    }
    if (mode == 'interaction') launcher();
  }
  if (get('track-pages') !== null) track();

  // launcher shows a button where the widget's label will be (or uses the
  // page's own [data-jivokit-launcher] elements): a click loads the widget
  // and opens the chat once it has loaded; focus or hover intent, when
  // data-intent names them, only loads it.
  function launcher() {
    const label = get('label') || 'Chat';
    const intent = (get('intent') || 'click').split(/[\s,]+/);
    const st = d.createElement('style');
    if (nonce) st.nonce = nonce;
    st.textContent =
      '.jivokit-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;padding:12px 20px;border:0;' +
      'border-radius:24px;background:#1e88e5;color:#fff;font:600 15px/1.2 system-ui,sans-serif;cursor:pointer;' +
      'box-shadow:0 2px 8px rgba(0,0,0,.3)}.jivokit-launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}' +
      '.jivokit-launcher[aria-busy=true]{cursor:progress;opacity:.75}';
    const b = d.createElement('button');
    b.type = 'button';
    b.className = 'jivokit-launcher';
    b.textContent = label;
    const add = () => {
      // First in <head>: a site's own .jivokit-launcher rules, later in the
      // document, win; its rules for every button do not.
      d.head.insertBefore(st, d.head.firstChild);
      if (!d.querySelector('[data-jivokit-launcher]')) d.body.appendChild(b);
    };
    // The page's own launchers may come after the loader in the document.
    d.readyState == 'loading' ? d.addEventListener('DOMContentLoaded', add) : add();
    let opening;
    const on = (type, f) => d.addEventListener(type, (e) => {
      const t = e.target;
      if (t && t.closest && t.closest('.jivokit-launcher,[data-jivokit-launcher]')) f();
    }, true);
    const busy = () => {
      if (jk.phase != 'loaded') b.setAttribute('aria-busy', 'true');
      jk.load();
    };
    // One open queues however often the visitor clicks while it loads.
    on('click', () => {
      busy();
      if (!opening) (opening = jk.phase != 'loaded'), jk.call('open');
    });
    if (intent.indexOf('focus') >= 0) on('focusin', busy);
    if (intent.indexOf('hover') >= 0) on('pointerover', busy);
    // The widget's own label takes the launcher's place.
    jk.on('jivo_onLoadCallback', () => b.remove() || (opening = 0));
  }

  // track sends the page's title and URL once the URL changed and stayed
  // for the track delay, so that the title a single-page app sets just
  // after its URL is the one sent, and a burst of changes sends once.
  function track() {
    let last = location.href;
    let timer;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
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
  }
}

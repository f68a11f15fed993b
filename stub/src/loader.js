// The vendor's way of loading, in our own code: the widget id rule, the
// jivo_magic_var guard, the WebSocket check; the wait for the page (load
// event, or DOMContentLoaded for a bundle cached on an earlier visit); the
// config and status requests; the bundle script; and the bundle's code run
// as an inline script in a hidden same-origin iframe#jivo_container. Only
// that inline script makes the widget load (widget.js: w.load), so what
// stops it on a real site (a Content-Security-Policy, a failed request)
// stops the stub too. Each of the vendor's silent no-load paths can be
// chosen with data-failure (options.js). See docs/stub.md.
//
// Where no stub.Handler answers (a static site serving only the stub's
// file: the config request gets 404, or there is no XMLHttpRequest), the
// stub makes its config, status and bundle in the page, with the same
// steps, delays and iframe.

export const ID_INVALID = "Widget id is not valid.";
export const CSP_BLOCKED = "Widget not loaded due CSP security policy.";
export const STOP_WORDS_FOUND = "Init error, code 1015";
export const UNSUPPORTED = "Not supported browser";

// DEFAULT_ID is the widget id of a stub script that names none.
export const DEFAULT_ID = "StubWidget";
// LATENCY is the default time, in ms, each request (config, status,
// bundle) takes before it is sent; data-fast makes it 0.
export const LATENCY = 20;
// BUNDLE_WAIT is enable_bundle_wait's longest wait for a scroll or mousemove.
export const BUNDLE_WAIT = 5000;
// TRIES: the config is given up after 5 failed requests (it "fails more
// than 4 times"), the bundle after 5 blocked or failed loads.
export const TRIES = 5;
export const RETRY_MS = 50;
// DELETED_MS is how long a deleted widget is remembered.
export const DELETED_MS = 7 * 24 * 3600 * 1000;
// DESTROY_MS: jivo_destroy removes #jivo-iframe-container this much later.
export const DESTROY_MS = 10;

export const CONTAINER_ID = "jivo-iframe-container";
export const IFRAME_ID = "jivo_container";
// HOOK is the top window's property the bundle and the iframe's inline
// script reach the loader by; BOOT is the inline script's code.
export const HOOK = "__jivokitStubLoader";
export const BOOT = "parent.__jivokitStubLoader.boot(window)"; // HOOK's boot
export const LOADER_INFO = "jv_loader_info_";
export const DELETED_KEY = "jv_widget_deleted_";
// BUILD_MODE says where the config, status and bundle come from: Go's
// stub.StaticScript is Script with "handler" replaced by "in-page" here,
// for a static site that serves nothing but the stub's file.
export const BUILD_MODE = "jivokit-stub-mode:handler";
export const inPageBuild = () => /in-page$/.test(BUILD_MODE);

// validId is the vendor's rule: all digits, or exactly 10 of [A-Za-z0-9].
export function validId(id) {
  return typeof id === "string" && (/^[0-9]+$/.test(id) || /^[A-Za-z0-9]{10}$/.test(id));
}

// siteId is the stub's site number for a widget id (stub.Handler computes
// the same): a 32-bit FNV-1a hash of the id, from 100000 to 999999.
export function siteId(id) {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 100000 + (h % 900000);
}

// widgetId reads the id as the vendor's loader does: a jv-id or data-jv-id
// attribute, or the script URL's /widget/ID (/script/widget/ID,
// /script/geo-widget/ID); DEFAULT_ID when there is none.
export function widgetId(script, src) {
  const a = script && typeof script.getAttribute === "function" ? script.getAttribute("jv-id") || script.getAttribute("data-jv-id") : null;
  if (a !== null && a !== undefined) return String(a);
  const m = /\/(?:script\/(?:geo-)?)?widget\/([^/?#]*)/.exec(String(src || "").replace(/^[a-z]+:\/\/[^/]*/i, ""));
  return m ? m[1] : DEFAULT_ID;
}

// baseURL is the directory of the stub's own URL, where stub.Handler
// answers the vendor's paths.
export function baseURL(src) {
  const s = String(src || "").replace(/[?#].*$/, "");
  const i = s.lastIndexOf("/");
  return i < 0 ? "" : s.slice(0, i + 1);
}

// storage wraps localStorage: a page or browser without it works, and
// remembers nothing.
export function storage(win) {
  let ls = null;
  try {
    ls = win.localStorage || null;
  } catch (e) {
    ls = null;
  }
  return {
    get(k) {
      try {
        return ls ? ls.getItem(k) : null;
      } catch (e) {
        return null;
      }
    },
    set(k, v) {
      try {
        if (ls) ls.setItem(k, v);
      } catch (e) {
        // full or refused: forgotten
      }
    },
    remove(k) {
      try {
        if (ls) ls.removeItem(k);
      } catch (e) {
        // refused
      }
    },
  };
}

// pageConfig is the config stub.Handler answers for these options, made in
// the page when no handler answers.
export function pageConfig(id, options, hostname) {
  const f = options.failure;
  const cfg = {
    widget_id: id,
    site_id: siteId(id),
    locale: options.locale,
    base_url: "",
    enable_bundle_wait: !!options.bundleWait,
    disable_mobile: f === "mobile-disabled",
    host_blacklist: f === "host-blacklisted" ? [hostname] : [],
    stop_words: options.stopWords.slice(),
  };
  if (f === "deleted") cfg.deleted = true;
  return cfg;
}

function query(params) {
  const parts = [];
  for (const k of Object.keys(params)) {
    if (params[k] !== "" && params[k] !== null && params[k] !== undefined) parts.push(k + "=" + encodeURIComponent(params[k]));
  }
  return parts.length ? "?" + parts.join("&") : "";
}

// createLoader returns the loader of widget w (widget.js). script is the
// stub's own element (or null), src its URL, nonce what getAttribute
// found (nothing under a header CSP, as in a real browser).
export function createLoader(win, doc, w, script, src, nonce) {
  const options = w.options;
  const store = storage(win);
  // id and base are the script's; a new copy of the script retargets them
  // (retarget), as a new copy of the vendor's loader reads its own.
  let id = widgetId(script, src);
  let base = baseURL(src);
  const latency = options.fast ? 0 : LATENCY;
  const log = (kind, msg) => {
    if (win.console && win.console[kind]) win.console[kind](msg);
  };
  // inPage: no stub.Handler answers; set when the config request says so.
  let inPage = inPageBuild() || !!options.inPage || typeof win.XMLHttpRequest !== "function" || !base;
  // run counts the loads started: a step of an older one does nothing.
  let run = 0;
  let frame = null; // the iframe of the current load
  const requests = []; // {kind, url, status}
  const info = { id, siteId: validId(id) ? siteId(id) : null, step: "idle", reason: "", mode: inPage ? "page" : "handler", tries: { config: 0, bundle: 0 } };

  const later = (fn, ms) => win.setTimeout(fn, ms);

  function stop(reason, step) {
    info.step = step || "stopped";
    info.reason = reason;
    w.noLoad(reason);
  }

  // request GETs url, calling done(status, text); status 0 is a network
  // error. Without XMLHttpRequest it answers 404 (nothing serves it).
  function request(kind, url, done) {
    const rec = { kind, url, status: null };
    requests.push(rec);
    let x;
    try {
      x = new win.XMLHttpRequest();
      x.open("GET", url, true);
    } catch (e) {
      rec.status = 0;
      return later(() => done(0, ""), 0);
    }
    x.onload = () => {
      rec.status = x.status;
      done(x.status, x.responseText);
    };
    x.onerror = () => {
      rec.status = 0;
      done(0, "");
    };
    x.send();
  }

  function mobile() {
    const ua = (win.navigator && win.navigator.userAgent) || "";
    return /Mobi|Android|iPhone|iPad|iPod/i.test(ua);
  }

  function pageWords() {
    const parts = [doc && typeof doc.title === "string" ? doc.title : ""];
    if (doc && typeof doc.querySelector === "function") {
      for (const name of ["description", "keywords"]) {
        const m = doc.querySelector('meta[name="' + name + '"]');
        if (m && m.getAttribute("content")) parts.push(m.getAttribute("content"));
      }
    }
    return parts.join(" ").toLowerCase();
  }

  // whenReady calls go once the page is far enough: at once when it has
  // loaded; at DOMContentLoaded when this bundle was loaded on an earlier
  // visit; else at the window's load event.
  function whenReady(go) {
    const state = doc ? doc.readyState : "complete";
    if (state === "complete") return go();
    const cached = options.cached || store.get(LOADER_INFO + id) !== null;
    info.step = cached ? "waiting for DOMContentLoaded" : "waiting for the load event";
    if (cached && state !== "loading") return go();
    let done = false;
    const once = () => {
      if (!done) (done = true), go();
    };
    if (cached && doc && typeof doc.addEventListener === "function") doc.addEventListener("DOMContentLoaded", once);
    if (typeof win.addEventListener === "function") win.addEventListener("load", once);
  }

  // start runs the whole load; again is jivo_init's (no page wait).
  function start() {
    const my = ++run;
    const t = Number(store.get(DELETED_KEY + id));
    if (t && t > Date.now()) return stop("deleted");
    whenReady(() => {
      if (my !== run) return;
      info.step = "delay";
      later(() => my === run && config(my, 1), options.loadDelay);
    });
  }

  function config(my, attempt) {
    info.step = "config";
    info.tries.config = attempt;
    const failing = options.failure === "config-failing";
    const hostname = (win.location && win.location.hostname) || "";
    const answer = (status, text) => {
      if (my !== run) return;
      if (status === 404 || (inPage && status !== 200)) {
        inPage = true;
        info.mode = "page";
        if (failing) return retryConfig(my, attempt);
        return later(() => my === run && gotConfig(my, pageConfig(id, options, hostname)), 0);
      }
      if (status !== 200) return retryConfig(my, attempt);
      let cfg;
      try {
        cfg = JSON.parse(text);
      } catch (e) {
        return retryConfig(my, attempt);
      }
      gotConfig(my, cfg);
    };
    later(() => {
      if (my !== run) return;
      if (inPage) return answer(failing ? 503 : 404, "");
      const q = { locale: options.locale, failure: options.failure, bundle_wait: options.bundleWait ? "1" : "", stop_words: options.stopWords.join(",") };
      request("config", base + "script/widget/config/" + id + query(q), answer);
    }, latency);
  }

  function retryConfig(my, attempt) {
    if (attempt >= TRIES) return stop("config-failing");
    later(() => my === run && config(my, attempt + 1), RETRY_MS);
  }

  function gotConfig(my, cfg) {
    if (cfg.deleted) {
      store.set(DELETED_KEY + id, String(Date.now() + DELETED_MS));
      return stop("deleted");
    }
    win.jivo_config = cfg;
    if (cfg.disable_mobile && mobile()) return stop("mobile-disabled");
    const host = ((win.location && win.location.hostname) || "").toLowerCase();
    if ((cfg.host_blacklist || []).some((h) => String(h).toLowerCase() === host)) return stop("host-blacklisted");
    const words = pageWords();
    if ((cfg.stop_words || []).some((s) => s && words.indexOf(String(s).toLowerCase()) >= 0)) {
      log("error", STOP_WORDS_FOUND);
      return stop("stop-words");
    }
    info.step = "status";
    const answer = (status, text) => {
      if (my !== run) return;
      if (status === 480) return stop("maintenance");
      let mode = w.s.online ? "online" : "offline";
      try {
        mode = JSON.parse(text).chat_mode || mode;
      } catch (e) {
        // no answer: the chat mode stays
      }
      cfg.chat_mode = mode;
      w.s.online = mode === "online";
      bundleWait(my, cfg);
    };
    later(() => {
      if (my !== run) return;
      if (inPage) return answer(options.failure === "maintenance" ? 480 : 200, JSON.stringify({ chat_mode: w.s.online ? "online" : "offline" }));
      const q = { online: w.s.online ? "1" : "0", failure: options.failure === "maintenance" ? "maintenance" : "" };
      request("status", base + "widget/status/" + cfg.site_id + "/" + cfg.widget_id + query(q), answer);
    }, latency);
  }

  // bundleWait: with enable_bundle_wait and no chat started, the bundle
  // waits for the first scroll or mousemove, or BUNDLE_WAIT ms.
  // The wait is once a page: a later load (jivo_init) goes on at once.
  let waited = false;
  function bundleWait(my, cfg) {
    if (!cfg.enable_bundle_wait || waited || w.s.chatStarted || typeof win.addEventListener !== "function") return bundle(my, 1);
    info.step = "waiting for a scroll or mousemove";
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      waited = true;
      win.removeEventListener("scroll", go, true);
      win.removeEventListener("mousemove", go, true);
      if (my === run) bundle(my, 1);
    };
    win.addEventListener("scroll", go, true);
    win.addEventListener("mousemove", go, true);
    later(go, BUNDLE_WAIT);
  }

  function bundle(my, attempt) {
    info.step = "bundle";
    info.tries.bundle = attempt;
    const locale = (win.jivo_config && win.jivo_config.locale) || options.locale;
    const url = base + "js/bundle_" + locale + ".js";
    const failed = (csp) => {
      if (my !== run) return;
      if (attempt >= TRIES) {
        if (csp) log("error", CSP_BLOCKED);
        else log("warn", "jivokit stub: the widget's bundle " + url + " did not load");
        return stop(csp ? "csp-blocked" : "bundle-failed");
      }
      later(() => my === run && bundle(my, attempt + 1), RETRY_MS);
    };
    later(() => {
      if (my !== run) return;
      // A bundle a Content-Security-Policy blocks is never requested.
      if (options.failure === "csp-blocked") return failed(true);
      if (inPage || !doc) return arrived(my, BOOT);
      const s = doc.createElement("script");
      let blocked = false;
      const onViolation = (e) => {
        if (e && typeof e.blockedURI === "string" && e.blockedURI.indexOf("js/bundle_") >= 0) blocked = true;
      };
      if (typeof doc.addEventListener === "function") doc.addEventListener("securitypolicyviolation", onViolation);
      const off = () => {
        if (typeof doc.removeEventListener === "function") doc.removeEventListener("securitypolicyviolation", onViolation);
      };
      pending = null;
      s.async = true;
      s.src = url;
      if (nonce) s.setAttribute("nonce", nonce);
      s.onload = () => {
        off();
        if (my !== run) return;
        const code = pending;
        pending = null;
        if (typeof code === "string") arrived(my, code);
        else failed(false);
      };
      const rec = { kind: "bundle", url, status: null };
      s.onload = ((load) => () => {
        rec.status = 200;
        load();
      })(s.onload);
      s.onerror = () => {
        rec.status = 0;
        // The violation event may come after the error event: the listener
        // stays until the check.
        later(() => {
          off();
          failed(blocked);
        }, 0);
      };
      requests.push(rec);
      (doc.head || doc.documentElement).appendChild(s);
    }, latency);
  }

  // pending is the code the last bundle script handed over.
  let pending = null;

  // arrived writes the bundle's code as an inline script into a new
  // iframe#jivo_container, in a hidden #jivo-iframe-container after the
  // body's last child. The widget loads when (and if) that script runs.
  function arrived(my, code) {
    if (my !== run) return;
    store.set(LOADER_INFO + id, JSON.stringify({ id, time: Date.now() }));
    info.step = "iframe";
    if (!doc || !doc.body) return boot(null);
    removeFrame();
    const box = doc.createElement("div");
    box.id = CONTAINER_ID;
    // Styled through the CSSOM, which a style-src without 'unsafe-inline' allows.
    box.style.cssText = "opacity:0;width:0;height:0;overflow:hidden;position:absolute;left:0;top:0;pointer-events:none";
    const f = doc.createElement("iframe");
    f.id = IFRAME_ID;
    f.setAttribute("title", "Jivochat");
    f.setAttribute("src", "javascript:void(0)");
    f.style.cssText = "width:0;height:0;border:0";
    box.appendChild(f);
    doc.body.appendChild(box);
    frame = f;
    const idoc = f.contentDocument || (f.contentWindow && f.contentWindow.document);
    if (!idoc) return;
    const s = idoc.createElement("script");
    s.text = code;
    if (nonce) s.setAttribute("nonce", nonce);
    (idoc.head || idoc.body || idoc.documentElement).appendChild(s);
    if (!w.loaded()) info.step = "iframe script did not run";
  }

  // boot is what the inline script calls: the widget loads, unless the
  // call comes from an iframe that is no longer the current one.
  function boot(from) {
    if (from && (!frame || frame.contentWindow !== from)) return false;
    info.step = "loaded";
    info.reason = "";
    return w.load();
  }

  function removeFrame() {
    const box = doc && typeof doc.getElementById === "function" ? doc.getElementById(CONTAINER_ID) : null;
    if (box && box.parentNode) box.parentNode.removeChild(box);
    frame = null;
  }

  function fire(name) {
    try {
      if (typeof win.dispatchEvent === "function" && typeof win.Event === "function") win.dispatchEvent(new win.Event(name));
    } catch (e) {
      // no events in this window
    }
  }

  const hook = {
    // bundle is called by the bundle script with the code to run.
    bundle(locale, code) {
      pending = code;
    },
    boot,
  };
  try {
    Object.defineProperty(win, HOOK, { value: hook, configurable: true });
  } catch (e) {
    win[HOOK] = hook;
  }

  return {
    get id() {
      return id;
    },
    // retarget makes a new copy of the script the loader's own: its id
    // and where it was served from, for the loads that follow.
    retarget(script2, src2) {
      id = widgetId(script2, src2);
      base = baseURL(src2) || base;
      info.id = id;
      info.siteId = validId(id) ? siteId(id) : null;
    },
    info: () => ({ id: info.id, siteId: info.siteId, step: info.step, reason: info.reason, mode: info.mode, tries: Object.assign({}, info.tries), requests: requests.map((r) => Object.assign({}, r)) }),

    // begin checks what the vendor's loader checks first; false when the
    // widget cannot load at all.
    begin() {
      if (!validId(id)) {
        log("error", ID_INVALID);
        stop("invalid-id");
        return false;
      }
      if (typeof win.WebSocket === "undefined") {
        log("warn", UNSUPPORTED);
        stop("unsupported-browser");
        return false;
      }
      win.jivo_magic_var = true;
      return true;
    },
    start,
    // again is jivo_init: jBeforeunload, then the load once more.
    again() {
      fire("jBeforeunload");
      win.jivo_magic_var = true;
      ++run;
      info.reason = "";
      const my = run;
      later(() => my === run && config(my, 1), options.loadDelay);
    },
    // now loads at once through the iframe, skipping the requests.
    now() {
      const my = ++run;
      arrived(my, BOOT);
      if (!w.loaded()) boot(null);
    },
    cancel() {
      ++run;
    },
    // destroy is jivo_destroy's part: jBeforeunload, jivo_magic_var
    // deleted, #jivo-iframe-container removed DESTROY_MS later.
    destroy() {
      ++run;
      fire("jBeforeunload");
      try {
        delete win.jivo_magic_var;
      } catch (e) {
        win.jivo_magic_var = undefined;
      }
      const f = frame;
      later(() => {
        if (frame === f) removeFrame();
      }, DESTROY_MS);
    },
  };
}

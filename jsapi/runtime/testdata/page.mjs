// A fake page for the runtime's tests: a fresh vm context with a window, a
// document that may hold the configuration block, a console that records,
// and a fake JivoChat widget that records every call.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

// script reads the script whose file the environment variable env names:
// the Go test that runs these files (go test ./jsapi/runtime) writes each
// of the package's scripts to a temporary file and names it there.
export function script(env) {
  const path = process.env[env];
  if (!path) throw new Error(env + ' names no file: run these tests with go test ./jsapi/runtime');
  return readFileSync(path, 'utf8');
}

export const runtimeJS = script('JIVOKIT_RUNTIME_JS');

// fakeAPI answers as the reference says the real widget does.
function fakeAPI(p) {
  const rec = (name, answer) => function (...args) {
    p.calls.push([name, ...args]);
    return typeof answer == 'function' ? answer(...args) : answer;
  };
  return {
    open: rec('open', () => {
      p.win.jivo_onOpen(); // the real widget calls back at once
      return { result: 'ok' };
    }),
    close: rec('close', { result: 'ok' }),
    chatMode: rec('chatMode', 'online'),
    getContactInfo: rec('getContactInfo', { client_name: 'Ann', email: null, phone: null, description: null }),
    getVisitorNumber: rec('getVisitorNumber', (cb) => {
      setTimeout(() => (p.visitorError ? cb(p.visitorError) : cb(null, 42)), 1);
    }),
    setContactInfo: rec('setContactInfo', undefined),
    setCustomData: rec('setCustomData', (fields) =>
      Array.isArray(fields) ? { result: 'ok' } : { result: 'fail', reason: 'Custom data must be array.' }),
    setRules: rec('setRules', undefined),
    setUserToken: rec('setUserToken', (token) => ({ result: 'ok', token })),
    showProactiveInvitation: rec('showProactiveInvitation', undefined),
    startCall: rec('startCall', (phone) =>
      p.callsDisabled ? { result: 'fail', reason: 'Callback disabled' } : { result: 'ok' }),
    isCallbackEnabled: rec('isCallbackEnabled', (cb) => {
      setTimeout(() => cb(p.callsDisabled ? { result: 'fail', reason: 'Callback disabled' } : { result: 'ok' }), 1);
    }),
    sendOfflineMessage: rec('sendOfflineMessage', (m) =>
      m && m.message ? { result: 'ok' } : { result: 'fail', error: 'Offline message is empty' }),
    setWidgetColor: rec('setWidgetColor', undefined),
    // sendPageTitle is missing, as on an older widget.
    setClientAttributes: rec('setClientAttributes', undefined),
    getUnreadMessagesCount: rec('getUnreadMessagesCount', 3),
    getUtm: rec('getUtm', { source: 'news' }),
    clearHistory: rec('clearHistory', () => {
      throw new Error('storage is blocked');
    }),
  };
}

// newPage makes a page. Options: config (the block's text, or undefined for
// no block; p.config changes it later), before(win) to run page code before
// the runtime loads, runtime: false to not load the runtime yet.
export function newPage({ config, before, runtime = true } = {}) {
  const p = { calls: [], logged: [], callsDisabled: false, visitorError: null, config };
  const sandbox = {
    console: { error: (...a) => p.logged.push(a), log: () => {} },
    setTimeout,
    document: {
      getElementById: (id) => (id === 'jivokit-config' && p.config !== undefined ? { textContent: p.config } : null),
    },
  };
  const ctx = vm.createContext(sandbox);
  const win = vm.runInContext('this', ctx);
  win.window = win;
  p.win = win;
  // The widget's globals: jivo_init brings it back, jivo_destroy removes it.
  win.jivo_init = () => {
    p.calls.push(['jivo_init']);
    p.load();
  };
  win.jivo_destroy = () => {
    p.calls.push(['jivo_destroy']);
    delete win.jivo_api;
    win.jivo_onWidgetDestroy();
  };
  // load makes the widget appear and call jivo_onLoadCallback, as it does.
  p.load = () => {
    win.jivo_api = fakeAPI(p);
    if (typeof win.jivo_onLoadCallback == 'function') win.jivo_onLoadCallback();
  };
  p.runRuntime = () => vm.runInContext(runtimeJS, ctx);
  p.eval = (code) => vm.runInContext(code, ctx);
  if (before) before(win, p);
  if (runtime) p.runRuntime();
  p.jk = win.jivokit;
  // names lists the widget's recorded calls by method name.
  p.names = () => p.calls.map((c) => c[0]);
  return p;
}

export const idx = (p, name) => p.jk.methods.findIndex((m) => m.name === name);

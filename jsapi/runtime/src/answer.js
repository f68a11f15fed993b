import { JivoError } from './error.js';

// reasonOf reads a failure reason out of a thrown exception or an err-first
// callback's err: an Error, a string, a {reason} or {error} object.
const reasonOf = (e) => (e && (e.message || e.reason || e.error)) || String(e);

// answer normalizes what a method returned (or gave its callback) into what
// jivokit.call answers. Value methods answer their value (null for nothing);
// the others answer true for {result:'ok'} or nothing, and a JivoError for
// {result:'fail'} with the reason under reason (or error, sendOfflineMessage's
// key), or else the spec's reason for a failure without one (d.fail:
// isCallbackEnabled's 'Callback unavaiable', setUserToken's refused token).
const answer = (d, r) =>
  d.answer == 'value' || d.answer == 'errFirst' ? (r === undefined ? null : r)
  : r === undefined || r && r.result == 'ok' ? true
  : r && r.result == 'fail' ? new JivoError(d.name, r.reason || r.error || d.fail || '')
  : r;

// exec calls method table entry d on the widget now, with args a. An async
// method gets its declared parameters and then the runtime's callback; a
// result callback called with nothing is a failure ("answered nothing").
export function exec(w, d, a) {
  const name = d.name;
  const target = d.global ? w : w.jivo_api;
  const f = target && target[name];
  if (typeof f != 'function') return new JivoError(name, 'not supported by this widget');
  if (d.answer == 'callback' || d.answer == 'errFirst') {
    return new Promise((resolve) => {
      a = a.slice(0, d.params.length);
      a.push(d.answer == 'callback'
        ? (r) => resolve(r === undefined ? new JivoError(name, 'answered nothing') : answer(d, r))
        : (err, v) => resolve(err ? new JivoError(name, reasonOf(err)) : answer(d, v)));
      try {
        f.apply(target, a);
      } catch (e) {
        resolve(new JivoError(name, reasonOf(e)));
      }
    });
  }
  try {
    return answer(d, f.apply(target, a));
  } catch (e) {
    return new JivoError(name, reasonOf(e));
  }
}

// A loader that works the way the JivoChat vendor's does, as far as a
// Content-Security-Policy can tell (see the stub package for the full
// mechanics): it finds its own element through document.currentScript,
// reads the nonce with getAttribute (blank under a header policy), checks
// the widget id, waits for the page's load event, and adds its bundle
// script with that nonce. Served at /vendor/widget/ID.
(function () {
  if (window.jivo_magic_var) return;
  window.jivo_magic_var = 1;
  var me = document.currentScript;
  var nonce = (me && me.getAttribute('nonce')) || '';
  var id = me ? me.src.split('/').pop().split('?')[0] : '';
  if (!/^[A-Za-z0-9]+$/.test(id) || (!/^[0-9]+$/.test(id) && id.length != 10)) {
    console.error('Widget id is not valid.');
    return;
  }
  var never = me.src.indexOf('never') >= 0;
  function go() {
    var s = document.createElement('script');
    s.src = '/vendor/js/bundle_en.js' + (never ? '?never' : '');
    s.async = true;
    if (nonce) s.setAttribute('nonce', nonce);
    document.head.appendChild(s);
  }
  document.readyState == 'complete' ? go() : window.addEventListener('load', go);
})();

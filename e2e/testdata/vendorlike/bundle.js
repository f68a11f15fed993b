// The bundle of the vendor-like loader (loader.js): its code runs as an
// inline script written into a same-origin iframe#jivo_container (src
// javascript:void(0)) inside div#jivo-iframe-container, and draws the
// widget as <jdiv> elements on the page. With ?never it waits until the
// page calls vendorLikeLoad().
(function () {
  var code = '(' + function () {
    var W = window.parent;
    var calls = [];
    var rec = function (name, answer) {
      return function () {
        calls.push([name].concat([].slice.call(arguments)));
        return answer;
      };
    };
    var ok = { result: 'ok' };
    W.vendorLike = { calls: calls };
    W.jivo_api = {
      open: rec('open', ok),
      close: rec('close', ok),
      chatMode: rec('chatMode', 'online'),
      setContactInfo: rec('setContactInfo'),
      setCustomData: rec('setCustomData', ok),
      setUserToken: rec('setUserToken', ok),
      setWidgetColor: rec('setWidgetColor'),
      showProactiveInvitation: rec('showProactiveInvitation'),
      sendPageTitle: rec('sendPageTitle'),
    };
    var label = W.document.createElement('jdiv');
    label.className = 'vendorlike-label';
    label.textContent = 'Chat with us';
    W.document.body.appendChild(label);
    if (typeof W.jivo_onLoadCallback == 'function') W.jivo_onLoadCallback();
  } + ')();';
  var run = function () {
    var box = document.createElement('div');
    box.id = 'jivo-iframe-container';
    box.style.cssText = 'opacity:0;width:0;height:0;overflow:hidden';
    var f = document.createElement('iframe');
    f.id = 'jivo_container';
    f.title = 'Jivochat';
    f.src = 'javascript:void(0)';
    box.appendChild(f);
    document.body.appendChild(box);
    var doc = f.contentWindow.document;
    var s = doc.createElement('script');
    s.text = code;
    (doc.head || doc.documentElement).appendChild(s);
  };
  if (document.currentScript.src.indexOf('never') >= 0) window.vendorLikeLoad = run;
  else run();
})();

// The life pages' buttons and status lines. The script is in <head>, so
// htmx's body swaps do not run it again: it listens on the document.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let navs = 0;
  const show = () => {
    if (!window.jivokit || !jivokit.state) return;
    const set = (id, text) => $(id) && ($(id).textContent = text);
    set('life-navs', String(navs));
    set('life-hidden', jivokit.hidden.join(', ') || 'nothing');
    set('life-phase', jivokit.phase);
    const c = window.jivo_config;
    set('life-widget', c && c.widget_id ? c.widget_id + ' (' + c.locale + ')' : 'none');
  };
  const acts = {
    hide: () => jivokit.hide('modal'),
    show: () => jivokit.show('modal'),
    dialog: () => $('life-dialog').showModal(),
    logout: () => jivokit.reset(),
    load: () => jivokit.load(),
    bob: () => jivokit.reset({ load: true, config: { contact_info: { name: 'Bob, logged in' } } }),
    switch: (el) => jivokit.switchWidget(el.dataset.id),
    open: () => jivokit.call('open'),
    agent: () => window.jivokitStub && jivokitStub.loaded() && jivokitStub.agentMessage('A new message from the agent'),
    offline: () => window.jivokitStub && jivokitStub.setOnline(false),
    online: () => window.jivokitStub && jivokitStub.setOnline(true),
  };
  document.addEventListener('click', (e) => {
    const el = e.target.closest && e.target.closest('[data-life]');
    if (!el || !acts[el.dataset.life]) return;
    Promise.resolve(acts[el.dataset.life](el)).then(show, show);
    setTimeout(show, 50);
  });
  document.addEventListener('jivokit:state', show);
  document.addEventListener('htmx:afterSettle', (e) => e.detail.target === document.body && (navs++, show()));
  document.addEventListener('DOMContentLoaded', show);
  setInterval(show, 1000);
})();

// Exercises jsapi/jivo_api.d.ts the way a page would, so that `tsc --strict`
// checks the declarations are usable, not merely well formed. Each line
// marked as an expected error is a call the declarations must reject: tsc
// fails if one of them type-checks.
import type { ChatState, ContactInfo, CustomField, JivoError, PageConfig, Status } from '../../jsapi/jivo_api';

export async function usePage(): Promise<void> {
  const api = window.jivo_api;
  if (api) {
    const opened: Status = api.open({ start: 'call' });
    const mode: 'online' | 'offline' = api.chatMode();
    const who: string | null = api.getContactInfo().client_name;
    api.getVisitorNumber((err, n) => console.log(err, n.toFixed(0)));
    api.isCallbackEnabled((res) => res.result === 'ok' && api.open({ start: 'call' }));
    const fields: CustomField[] = [{ title: 'Plan', content: 'Pro', link: 'https://example.com/a/1' }];
    api.setCustomData(fields);
    api.setContactInfo({ name: 'Ann', email: 'ann@example.com' } satisfies ContactInfo);
    api.showProactiveInvitation('Need help?');
    api.showProactiveInvitation('Need help?', 3);
    api.setWidgetColor('#1e88e5', '#43a047');
    api.setClientAttributes({ '12': 'gold', '13': 4 });
    api.sendOfflineMessage({ email: 'ann@example.com', message: 'Call me' });
    console.log(opened.result, mode, who, api.getUtm().source, api.getUnreadMessagesCount() + 1);

    // @ts-expect-error start must be chat, call or menu
    api.open({ start: 'video' });
    // @ts-expect-error setCustomData takes an array of fields
    api.setCustomData({ title: 'Plan' });
    // @ts-expect-error getVisitorNumber's callback is err-first: the number comes second
    api.getVisitorNumber((n: number) => n);
    // @ts-expect-error an offline message needs its message
    api.sendOfflineMessage({ email: 'ann@example.com' });
    // @ts-expect-error getContactInfo answers client_name, not name
    api.getContactInfo().name;
  }
  window.jivo_destroy?.();
  window.jivo_init?.();

  window.jivo_onChangeState = (state: ChatState) => console.log(state === 'chat/min');
  window.jivo_onCallEnd = (res) => console.log(res ? res.result : 'no result', res?.reason);
  // @ts-expect-error the reference makes jivo_onCallEnd's result optional
  window.jivo_onCallEnd = (res) => console.log(res.result);
  window.jivo_onOpen = null;
  // @ts-expect-error jivo_onChangeState gets a ChatState, not a number
  window.jivo_onChangeState = (state: number) => state;

  const jk = window.jivokit;
  if (!jk) return;
  const off = jk.on('jivo_onChangeState', (state) => console.log(state.toUpperCase()));
  off();
  jk.on('jivo_onCallEnd', (res) => console.log(res?.result));
  // @ts-expect-error no such callback
  jk.on('jivo_onNothing', () => {});

  const r = jk.call('startCall', '+14084987855');
  if (r instanceof jk.JivoError) console.log(r.method, r.reason);
  const n: number = await jk.invoke('getVisitorNumber');
  const mode = await jk.invoke('chatMode');
  const ok: true = await jk.invoke('setCustomData', [{ content: 'x' }]);
  jk.call(0, { start: 'chat' });
  // @ts-expect-error startCall takes a phone number string
  jk.call('startCall', 5);
  // @ts-expect-error no such method
  jk.call('nothing');
  // @ts-expect-error async methods get their callback from the runtime
  jk.call('getVisitorNumber', () => {});

  try {
    await jk.invoke('open');
  } catch (e) {
    const err = e as JivoError;
    console.log(err.reason);
  }
  const cfg: PageConfig | null = jk.config;
  jk.config = { user_token: 'v1.tok', invitation: { text: 'Hi', department_id: 2 }, queue_limit: 50 };
  jk.onerror = (error, where) => console.error(where, error);
  await jk.ready();
  console.log(n, mode, ok, cfg, jk.loaded, jk.version, jk.methods[0].name, jk.callbacks.length);
  // @ts-expect-error loaded is read-only
  jk.loaded = true;
}

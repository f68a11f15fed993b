package runtime_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// fakeWidget is a tiny JivoChat widget: fake.load() sets jivo_api (recording
// calls into window.calls) and then calls jivo_onLoadCallback, as the real
// one does; fake.fire calls a callback by its global name. It declares no
// jivo_* globals itself.
const fakeWidget = `<script>
window.calls = [];
window.fake = {
  load() {
    const rec = (name) => (...a) => (calls.push([name, ...a].join(' ')), {result: 'ok'});
    window.jivo_api = {open: rec('open'), close: rec('close'), setUserToken: rec('setUserToken')};
    if (typeof window.jivo_onLoadCallback == 'function') window.jivo_onLoadCallback();
  },
  fire(name, ...a) {
    if (typeof window[name] == 'function') window[name](...a);
  },
};
</script>`

// pageCallbacks declares the page's callbacks as the vendor's reference
// shows them: function declarations, which make non-configurable globals.
const pageCallbacks = `<script>
var seen = [];
function jivo_onLoadCallback() { seen.push('page load'); }
function jivo_onChangeState(state) { seen.push('page:' + state); }
</script>`

const (
	configBlock = `<script type="application/json" id="jivokit-config">{"user_token":"tok"}</script>`
	runtimeTag  = `<script src="/jivokit/runtime.js"></script>`
)

// loadAndFire queues a call, subscribes, loads the widget and fires a
// state change, answering what the runtime and the page saw.
// A promise that has not settled within 100ms counts as 'pending'.
const loadAndFire = `(async () => {
  const within = (p) => Promise.race([p, new Promise((r) => setTimeout(r, 100, 'pending'))]);
  const closed = jivokit.call('close');
  jivokit.on('jivo_onChangeState', (s) => seen.push('sub:' + s));
  const before = jivokit.loaded;
  fake.load();
  const loaded = jivokit.loaded;
  const ready = await within(jivokit.ready().then(() => 'ready'));
  fake.fire('jivo_onChangeState', 'chat');
  return {before, loaded, ready, closed: String(await within(closed)), calls, seen, api: typeof jivo_api.open};
})()`

type outcome struct {
	Before, Loaded bool
	Ready, Closed  string
	Calls, Seen    []string
	API            string
}

// TestDeclaredCallbacksInBrowser proves in Chromium (a vm context does not
// follow the browser's rules for global function declarations) that the
// runtime owns callbacks a page declares as functions, before or after the
// runtime's script, and still works when injected after the widget loaded.
func TestDeclaredCallbacksInBrowser(t *testing.T) {
	loadedLater := outcome{Loaded: true, Ready: "ready", Closed: "true",
		Calls: []string{"setUserToken tok", "close"}, Seen: []string{"page load", "page:chat", "sub:chat"}, API: "function"}
	for _, tc := range []struct {
		name, page, script string
		want               outcome
	}{
		{"declared before the runtime", pageCallbacks + configBlock + runtimeTag + fakeWidget, loadAndFire, loadedLater},
		{"declared after the runtime", configBlock + runtimeTag + pageCallbacks + fakeWidget, loadAndFire, loadedLater},
		{"config block after the runtime", runtimeTag + pageCallbacks + configBlock + fakeWidget, loadAndFire, loadedLater},
		{
			// The runtime finds jivo_api: the widget has loaded, and it
			// called the page's jivo_onLoadCallback itself.
			"runtime injected after the widget loaded",
			pageCallbacks + configBlock + fakeWidget + `<script>fake.load()</script>` + runtimeTag,
			`(async () => {
  jivokit.on('jivo_onChangeState', (s) => seen.push('sub:' + s));
  const closed = jivokit.call('close');
  fake.fire('jivo_onChangeState', 'chat');
  return {before: true, loaded: jivokit.loaded, ready: await jivokit.ready().then(() => 'ready'), closed: String(closed), calls, seen, api: typeof jivo_api.open};
})()`,
			outcome{Before: true, Loaded: true, Ready: "ready", Closed: "true", Calls: loadedLater.Calls, Seen: loadedLater.Seen, API: "function"},
		},
		{
			// Not covered: a declaration after load replaces the dispatcher
			// until the runtime is next entered (on, or any callback it
			// owns, as the widget's jivo_onResizeCallback here).
			"declared after the widget loaded",
			configBlock + runtimeTag + fakeWidget + `<script>var seen = []; fake.load();
jivokit.on('jivo_onChangeState', (s) => seen.push('sub:' + s));</script>
<script>function jivo_onChangeState(state) { seen.push('page:' + state); }</script>`,
			`(async () => {
  fake.fire('jivo_onChangeState', 'missed');
  const closed = jivokit.call('close');
  fake.fire('jivo_onResizeCallback');
  fake.fire('jivo_onChangeState', 'chat');
  return {before: true, loaded: jivokit.loaded, ready: await jivokit.ready().then(() => 'ready'), closed: String(closed), calls, seen, api: typeof jivo_api.open};
})()`,
			outcome{Before: true, Loaded: true, Ready: "ready", Closed: "true", Calls: []string{"setUserToken tok", "close"},
				Seen: []string{"page:missed", "page:chat", "sub:chat"}, API: "function"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(site(tc.page))
			defer srv.Close()
			p := e2e.NewBrowser(t).Open(t, srv.URL)
			if typ := e2e.Eval[string](p, "typeof jivokit.on"); typ != "function" {
				t.Fatalf("jivokit.on is %s: the runtime did not install itself", typ)
			}
			got := e2e.Eval[outcome](p, tc.script)
			if got.Before != tc.want.Before || got.Loaded != tc.want.Loaded || got.Ready != tc.want.Ready ||
				got.Closed != tc.want.Closed || got.API != tc.want.API ||
				!slices.Equal(got.Calls, tc.want.Calls) || !slices.Equal(got.Seen, tc.want.Seen) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// site serves one page (body is its HTML after the doctype) and the
// runtime at /jivokit/runtime.js.
func site(body string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/jivokit/runtime.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(runtime.Script))
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><link rel="icon" href="data:,">` + strings.TrimSpace(body)))
	})
	return mux
}

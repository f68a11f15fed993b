//go:build js && wasm

package otherruntime_test

import (
	"context"
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// page is a runtime with getUtm first and without clearHistory: it records
// how each call names its method and answers by the name it resolves.
const page = `
globalThis.window = globalThis;
class JivoError extends Error {
  constructor(method, reason) { super('jivo: ' + method + ': ' + reason); this.method = method; this.reason = reason; }
}
const methods = [{name: 'getUtm', answer: 'value', params: []}, {name: 'open', answer: 'status', params: ['options']},
  {name: 'close', answer: 'status', params: []}, {name: 'startCall', answer: 'status', params: ['phone']}];
globalThis.seen = [];
globalThis.jivokit = {
  version: '1', methods, JivoError, loaded: true,
  call(m, ...args) {
    seen.push(typeof m + ' ' + m + ' ' + JSON.stringify(args));
    const d = typeof m == 'number' ? methods[m] : methods.find((d) => d.name == m);
    if (!d) return new JivoError(String(m), 'unknown method');
    return d.name == 'getUtm' ? {source: 'other'} : true;
  },
  on: () => () => {},
  ready: () => Promise.resolve(),
};
`

func TestOtherRuntime(t *testing.T) {
	js.Global().Get("Function").New(page).Invoke()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := jivo.StartCall(ctx, "+14084987855"); err != nil {
		t.Errorf("StartCall: %v", err)
	}
	if u, err := jivo.GetUTM(ctx); err != nil || u != (jsapi.UTM{Source: "other"}) {
		t.Errorf("GetUTM = %+v, %v", u, err)
	}
	err := jivo.ClearHistory(ctx)
	var we *jsapi.WidgetError
	if !errors.As(err, &we) || we.Method != "clearHistory" || we.Reason != "unknown method" {
		t.Errorf("ClearHistory, which that runtime lacks: %v", err)
	}
	seen := js.Global().Get("JSON").Call("stringify", js.Global().Get("seen")).String()
	if want := `["string startCall [\"+14084987855\"]","string getUtm []","string clearHistory []"]`; seen != want {
		t.Errorf("the runtime was called\n  %s\nwant\n  %s", seen, want)
	}
}

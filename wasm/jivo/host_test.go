//go:build !(js && wasm)

package jivo_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// TestHostUnsupported: outside a GOOS=js GOARCH=wasm program every function
// returns ErrUnsupported and subscriptions deliver nothing.
func TestHostUnsupported(t *testing.T) {
	ctx := context.Background()
	if err := jivo.Ready(ctx); !errors.Is(err, jivo.ErrUnsupported) {
		t.Errorf("Ready: %v", err)
	}
	if err := jivo.StartCall(ctx, "+14084987855"); !errors.Is(err, jivo.ErrUnsupported) {
		t.Errorf("StartCall: %v", err)
	}
	if n, err := jivo.GetVisitorNumber(ctx); n != 0 || !errors.Is(err, jivo.ErrUnsupported) {
		t.Errorf("GetVisitorNumber: %d, %v", n, err)
	}
	if u, err := jivo.GetUTM(ctx); u != (jsapi.UTM{}) || !errors.Is(err, jivo.ErrUnsupported) {
		t.Errorf("GetUTM: %+v, %v", u, err)
	}
	if err := jivo.SetCustomData(ctx, []jsapi.CustomField{{Content: "x"}}); !errors.Is(err, jivo.ErrUnsupported) {
		t.Errorf("SetCustomData: %v", err)
	}
	off := jivo.OnChangeState(func(jsapi.ChatState) { t.Error("a listener ran") })
	if off == nil {
		t.Fatal("OnChangeState returned a nil unsubscribe")
	}
	off()
	jivo.SetErrorHandler(func(error) {})
	jivo.SetErrorHandler(nil)
}

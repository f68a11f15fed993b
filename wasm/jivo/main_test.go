//go:build js && wasm

package jivo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
)

// TestMain sets up a page with the runtime's script and the fake widget,
// loaded. Tests that need the widget unloaded destroy it and load it again.
func TestMain(m *testing.M) {
	fakewidget.Install()
	fakewidget.InstallRuntime()
	fakewidget.Load()
	os.Exit(m.Run())
}

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// calls returns the widget's recorded calls as "name args" lines.
func calls() []string {
	var out []string
	for _, c := range fakewidget.Take() {
		out = append(out, c.Name+" "+c.Args)
	}
	return out
}

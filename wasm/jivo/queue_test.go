//go:build js && wasm

package jivo_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// TestQueueBeforeLoad: after jivo_destroy the widget is not loaded; calls
// wait in the runtime's queue, a canceled one says the widget did not load,
// and the others are answered in order once jivo_init loads it again.
func TestQueueBeforeLoad(t *testing.T) {
	ctx := testContext(t)
	destroyed := make(chan struct{}, 1)
	off := jivo.OnWidgetDestroy(func() { destroyed <- struct{}{} })
	defer off()
	if err := jivo.Destroy(ctx); err != nil {
		t.Fatal(err)
	}
	receive(t, destroyed)
	if fakewidget.Loaded() {
		t.Fatal("the runtime still says loaded after jivo_destroy")
	}
	calls()

	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	err := jivo.Ready(short)
	if !errors.Is(err, jivo.ErrNotLoaded) || !errors.Is(err, context.DeadlineExceeded) || err.Error() != "jivo: widget did not load: context deadline exceeded" {
		t.Errorf("Ready before load: %v", err)
	}
	short, cancel = context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	err = jivo.StartCall(short, "+14084987855")
	if !errors.Is(err, jivo.ErrNotLoaded) || err.Error() != "jivo: startCall: widget did not load: context deadline exceeded" {
		t.Errorf("StartCall before load: %v", err)
	}

	results := make(chan string, 3)
	go func() {
		err := jivo.SetCustomData(ctx, []jsapi.CustomField{{Title: "Plan", Content: "Pro"}})
		results <- "setCustomData " + errString(err)
	}()
	go func() {
		n, err := jivo.GetVisitorNumber(ctx)
		if n != 42 {
			err = errors.New("wrong number")
		}
		results <- "getVisitorNumber " + errString(err)
	}()
	ready := make(chan error, 1)
	go func() { ready <- jivo.Ready(ctx) }()
	time.Sleep(10 * time.Millisecond)
	if c := calls(); len(c) > 0 {
		t.Errorf("the widget received %q before it loaded", c)
	}

	if err := jivo.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if err := receive(t, ready); err != nil {
		t.Errorf("Ready: %v", err)
	}
	got := []string{receive(t, results), receive(t, results)}
	slices.Sort(got)
	if want := []string{"getVisitorNumber ok", "setCustomData ok"}; !slices.Equal(got, want) {
		t.Errorf("results %q, want %q", got, want)
	}
	// jivo_init is never queued; the canceled startCall was still queued
	// (the runtime cannot take a call back) and runs first.
	c := calls()
	if len(c) != 4 || c[0] != "jivo_init []" || c[1] != `startCall ["+14084987855"]` ||
		!equalUnordered(c[2:], []string{`setCustomData [[{"content":"Pro","title":"Plan"}]]`, "getVisitorNumber []"}) {
		t.Errorf("the widget received %q", c)
	}
	if err := jivo.Ready(ctx); err != nil {
		t.Errorf("Ready when loaded: %v", err)
	}
}

func equalUnordered(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

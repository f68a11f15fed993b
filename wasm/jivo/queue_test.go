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
// wait in the runtime's queue, a canceled one says the widget did not load
// and is withdrawn (it never reaches the widget), and the others are
// answered in order once jivo_init loads it again.
// Calls made one after another on one goroutine (each returning when its
// ctx ends) reach the widget in that order; calls made at the same time on
// several goroutines have no order among them.
func TestQueueBeforeLoad(t *testing.T) {
	ctx := testContext(t)
	destroy(t)

	for _, f := range []func(context.Context) error{
		func(ctx context.Context) error { return jivo.StartCall(ctx, "+14084987855") },
		jivo.Close,
		func(ctx context.Context) error { return jivo.SetUserToken(ctx, "t1") },
		jivo.ClearHistory,
	} {
		short, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
		err := f(short)
		cancel()
		if !errors.Is(err, jivo.ErrNotLoaded) {
			t.Errorf("a call before load: %v, want ErrNotLoaded", err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	err := jivo.StartCall(short, "+14084987855")
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
	// jivo_init is never queued; the canceled calls were withdrawn: no
	// phone call placed minutes after the program gave up on it.
	c := calls()
	want := []string{"jivo_init []"}
	if len(c) != len(want)+2 || !slices.Equal(c[:len(want)], want) ||
		!equalUnordered(c[len(want):], []string{`setCustomData [[{"content":"Pro","title":"Plan"}]]`, "getVisitorNumber []"}) {
		t.Errorf("the widget received\n  %q\nwant\n  %q and then setCustomData and getVisitorNumber", c, want)
	}
	if err := jivo.Ready(ctx); err != nil {
		t.Errorf("Ready when loaded: %v", err)
	}
}

// destroy unloads the widget with jivo_destroy; the test's cleanup loads it
// again.
func destroy(t *testing.T) {
	t.Helper()
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
	t.Cleanup(func() {
		if !fakewidget.Loaded() {
			if err := jivo.Init(context.Background()); err != nil {
				t.Error(err)
			}
			if err := jivo.Ready(testContext(t)); err != nil {
				t.Errorf("the widget did not load again: %v", err)
			}
		}
		calls()
	})
}

// TestReadyBeforeLoad: Ready before load ends with ctx, saying why, and
// however often it is called while the widget is not loaded (a polling
// loop on a page whose widget an ad blocker removed) it asks the runtime
// for one promise; the next unloaded period asks for a new one.
func TestReadyBeforeLoad(t *testing.T) {
	fakewidget.Eval(`fakeJivo.readies = 0; fakeJivo.ready = jivokit.ready; jivokit.ready = function () { fakeJivo.readies++; return fakeJivo.ready.apply(this, arguments) }`)
	defer fakewidget.Eval(`jivokit.ready = fakeJivo.ready`)
	readies := func() int { return fakewidget.Eval("fakeJivo.readies").Int() }
	for round := 1; round <= 2; round++ {
		destroy(t)
		for range 5 {
			short, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
			err := jivo.Ready(short)
			cancel()
			if !errors.Is(err, jivo.ErrNotLoaded) || !errors.Is(err, context.DeadlineExceeded) || err.Error() != "jivo: widget did not load: context deadline exceeded" {
				t.Errorf("Ready before load: %v", err)
			}
		}
		if n := readies(); n != round {
			t.Errorf("jivokit.ready called %d times in %d unloaded periods, want %d", n, round, round)
		}
		waiting := make(chan error, 2)
		for range 2 {
			go func() { waiting <- jivo.Ready(testContext(t)) }()
		}
		time.Sleep(5 * time.Millisecond)
		if err := jivo.Init(testContext(t)); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := receive(t, waiting); err != nil {
				t.Errorf("Ready: %v", err)
			}
		}
	}
	if n := readies(); n != 2 {
		t.Errorf("jivokit.ready called %d times, want 2", n)
	}
}

// TestQueueFull: a call beyond the runtime's queue limit fails at once
// with jsapi.ErrQueueFull, through the bridge as through the runtime.
func TestQueueFull(t *testing.T) {
	destroy(t)
	fakewidget.Eval(`jivokit.config = {queue_limit: 2}`)
	defer fakewidget.Eval(`jivokit.config = null`)
	// Two calls wait in the queue (a canceled one would be withdrawn).
	waiting := make(chan error, 2)
	for range 2 {
		go func() { waiting <- jivo.Close(testContext(t)) }()
	}
	time.Sleep(5 * time.Millisecond)
	err := jivo.StartCall(testContext(t), "+14084987855")
	var we *jsapi.WidgetError
	if !errors.Is(err, jsapi.ErrQueueFull) || !errors.As(err, &we) || we.Method != "startCall" {
		t.Errorf("a call beyond the queue's limit: %v, want ErrQueueFull for startCall", err)
	}
	if err := jivo.Init(testContext(t)); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := receive(t, waiting); err != nil {
			t.Errorf("a queued call: %v", err)
		}
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

// TestLoadAndPhase: Load starts what a loading strategy held back (the
// loader's jivokit.load) and waits for the load; CurrentPhase follows the
// widget's life.
func TestLoadAndPhase(t *testing.T) {
	ctx := testContext(t)
	if ph, err := jivo.CurrentPhase(); err != nil || ph != jivo.PhaseLoaded {
		t.Fatalf("CurrentPhase = %v, %v; want loaded", ph, err)
	}
	if err := jivo.Load(ctx); err != nil {
		t.Errorf("Load when loaded: %v", err)
	}
	destroy(t)
	if ph, _ := jivo.CurrentPhase(); ph != jivo.PhaseDestroyed || ph.String() != "destroyed" {
		t.Errorf("after jivo_destroy the phase is %v", ph)
	}
	// A strategy holds the script back (the loader replaces load): Load
	// runs what fetches it.
	fakewidget.Eval(`fakeJivo.fetched = 0; fakeJivo.load0 = jivokit.load;
jivokit.load = () => { if (!fakeJivo.fetched++) setTimeout(() => jivo_init(), 5); return fakeJivo.load0(); }`)
	defer fakewidget.Eval(`jivokit.load = fakeJivo.load0`)
	short, cancel := context.WithTimeout(ctx, 2*time.Millisecond)
	defer cancel()
	if err := jivo.Ready(short); !errors.Is(err, jivo.ErrNotLoaded) {
		t.Errorf("Ready does not load: %v", err)
	}
	if n := fakewidget.Eval("fakeJivo.fetched").Int(); n != 0 {
		t.Errorf("fetched %d times before Load", n)
	}
	if err := jivo.Load(ctx); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if ph, _ := jivo.CurrentPhase(); ph != jivo.PhaseLoaded {
		t.Errorf("after Load the phase is %v", ph)
	}
	if n := fakewidget.Eval("fakeJivo.fetched").Int(); n != 1 {
		t.Errorf("fetched %d times, want 1", n)
	}
	for p, want := range map[jivo.Phase]string{jivo.PhaseNotRequested: "not-requested", jivo.PhaseLoading: "loading", 0: "unknown", 9: "unknown"} {
		if p.String() != want {
			t.Errorf("Phase(%d).String() = %q, want %q", p, p.String(), want)
		}
	}
}

// TestWithdrawOnlyQueued: a call whose ctx ends after the widget took it
// (an async method waiting for its answer) was made; withdrawing finds
// nothing to take back and the rest of the queue is untouched.
func TestWithdrawOnlyQueued(t *testing.T) {
	ctx := testContext(t)
	destroy(t)
	short, cancel := context.WithTimeout(ctx, 3*time.Millisecond)
	defer cancel()
	if err := jivo.SetUserToken(short, "gone"); !errors.Is(err, jivo.ErrNotLoaded) {
		t.Fatalf("SetUserToken before load: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- jivo.SetUserToken(ctx, "kept") }()
	time.Sleep(5 * time.Millisecond)
	if err := jivo.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if err := receive(t, done); err != nil {
		t.Errorf("the call that waited: %v", err)
	}
	if c := calls(); !slices.Equal(c, []string{"jivo_init []", `setUserToken ["kept"]`}) {
		t.Errorf("the widget received %q", c)
	}
}

package jivo_test

import (
	"context"
	"errors"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

func ExampleStartCall() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	switch err := jivo.StartCall(ctx, "+14084987855"); {
	case errors.Is(err, jsapi.ErrCallbackDisabled), errors.Is(err, jsapi.ErrCallbackUnavailable):
		// no calls now: offer the offline form instead
	case errors.Is(err, jivo.ErrNotLoaded):
		// no widget on the page (an ad blocker?)
	case err != nil:
		// a bad phone number (*jsapi.InputError) or another failure
	}
}

func ExampleReady() {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := jivo.Ready(ctx); err != nil {
		// "jivo: widget did not load: context deadline exceeded"
		return
	}
	_ = jivo.SetCustomData(ctx, []jsapi.CustomField{{Title: "Plan", Content: "Pro"}})
}

func ExampleOnChangeState() {
	unsubscribe := jivo.OnChangeState(func(s jsapi.ChatState) {
		// Runs on its own goroutine: blocking and calling the bridge are fine.
		if s == jsapi.StateChat {
			n, err := jivo.GetUnreadMessagesCount(context.Background())
			_, _ = n, err
		}
	})
	defer unsubscribe()
}

func ExampleSetErrorHandler() {
	jivo.SetErrorHandler(func(err error) {
		var p *jivo.PanicError
		if errors.As(err, &p) {
			// report p.Callback, p.Value and p.Stack to your error tracker
		}
	})
}

func ExampleIsCallbackEnabled() {
	ctx := context.Background()
	if err := jivo.IsCallbackEnabled(ctx); err == nil {
		// show the "call me back" button
	}
}

// A Go app's own "Chat" button on a page rendered with a loading strategy
// (say templates.LoadConsent): load the widget, then open the chat.
func ExampleLoad() {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if ph, err := jivo.CurrentPhase(); err == nil && ph == jivo.PhaseNotRequested {
		// nothing fetched yet: the visitor's click is the time
	}
	if err := jivo.Load(ctx); err != nil {
		// errors.Is(err, jivo.ErrNotLoaded): blocked or slow
		return
	}
	jivo.Open(ctx, jsapi.OpenOptions{Start: jsapi.StartChat})
}

package webhook_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
)

// TestHandlerAllocatesForTheBodyItGets checks that a request declaring a
// large Content-Length does not make the handler allocate that much before
// the bytes arrive: here the body is 30 bytes and declares the largest length the default limit allows.
func TestHandlerAllocatesForTheBodyItGets(t *testing.T) {
	h, _ := newHandler(t, webhook.Funcs{})
	const body = `{"event_name":"chat_finished"}`
	serve := func() {
		r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(strings.NewReader(body)))
		r.Header.Set("Content-Type", "application/json")
		r.ContentLength = webhook.DefaultMaxBodySize - 1
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
	serve() // warm up pools
	const runs = 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		serve()
	}
	runtime.ReadMemStats(&after)
	perRequest := (after.TotalAlloc - before.TotalAlloc) / runs
	t.Logf("%d bytes allocated per request declaring %d bytes", perRequest, webhook.DefaultMaxBodySize-1)
	if perRequest > 128<<10 {
		t.Errorf("%d bytes allocated per request of %d bytes: the declared Content-Length was allocated up front", perRequest, len(body))
	}
}

// TestHandlerReadsLargeBodies checks that bodies beyond the first buffer
// still arrive whole, with and without a Content-Length.
func TestHandlerReadsLargeBodies(t *testing.T) {
	var got int
	h, _ := newHandler(t, webhook.Funcs{ChatFinished: func(_ context.Context, e *webhook.ChatFinished) error {
		got = len(e.Chat.Messages[0].Message)
		return nil
	}})
	for _, size := range []int{100, 64<<10 - 60, 64 << 10, 300 << 10} {
		for _, known := range []bool{true, false} {
			msg := strings.Repeat("x", size)
			body := `{"event_name":"chat_finished","chat":{"messages":[{"message":"` + msg + `"}]}}`
			r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(strings.NewReader(body)))
			r.Header.Set("Content-Type", "application/json")
			r.ContentLength = -1
			if known {
				r.ContentLength = int64(len(body))
			}
			w := httptest.NewRecorder()
			got = 0
			h.ServeHTTP(w, r)
			if w.Code != 200 || got != size {
				t.Errorf("message of %d bytes (length known %v): status %d, got %d bytes: %.200s", size, known, w.Code, got, w.Body)
			}
		}
	}
}

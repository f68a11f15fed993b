package eventlog_test

import (
	"log/slog"
	"testing"

	"github.com/jivokit/jivokit/webhook"
)

// newHandler returns a Handler that logs nothing, with opts.
func newHandler(t *testing.T, f webhook.Funcs, opts ...webhook.Option) *webhook.Handler {
	t.Helper()
	h, err := webhook.New(f, append([]webhook.Option{webhook.WithLogger(slog.New(slog.DiscardHandler))}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

package webhook_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// bareHandler is the baseline: it reads the body and answers ok.
var bareHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"result":"ok"}`))
})

// agentView is a typical reply: a few fields, contact info and a CRM link.
var agentView = &webhook.AgentView{
	CustomData: []jsapi.CustomField{
		{Title: "Customer since", Content: "2019"},
		{Title: "Orders", Content: "17", Link: "https://crm.example.com/c/42/orders"},
		{Title: "Plan", Content: "Gold"},
	},
	ContactInfo: &jsapi.ContactInfo{Name: "John Smith", Phone: "+14084987855", Email: "email@example.com"},
	CRMLink:     "https://crm.example.com/c/42",
}

func chatAcceptedHandler(tb testing.TB) http.Handler {
	h, err := webhook.New(webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			if e.Visitor.Number == "" {
				return nil, fmt.Errorf("no visitor")
			}
			return agentView, nil
		},
	}, webhook.WithSafeHosts("example.com"), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// benchServer posts the chat_accepted sample to h over HTTP on 127.0.0.1,
// from as many goroutines as GOMAXPROCS, with keep-alive connections.
func benchServer(b *testing.B, h http.Handler) {
	body := webhooktest.Payload(b, webhook.NameChatAccepted)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := client.Post(srv.URL, "application/json", bytes.NewReader(body))
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Errorf("status %d", res.StatusCode)
			}
		}
	})
}

// benchDirect calls h.ServeHTTP without a network, to show the handler's
// own cost.
func benchDirect(b *testing.B, h http.Handler) {
	body := webhooktest.Payload(b, webhook.NameChatAccepted)
	rd := bytes.NewReader(body)
	r := httptest.NewRequest("POST", "/", rd)
	r.Header.Set("Content-Type", "application/json")
	w := &discardWriter{h: http.Header{}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rd.Reset(body)
		r.Body = io.NopCloser(rd)
		w.status = 0
		h.ServeHTTP(w, r)
		if w.status != 200 {
			b.Fatalf("status %d", w.status)
		}
	}
}

type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) WriteHeader(s int)   { w.status = s }
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = 200
	}
	return len(p), nil
}

// BenchmarkBareHandler and BenchmarkChatAccepted run side by side: the
// webhook handler's decode + dispatch + reply against a handler that only
// reads the body, both over HTTP.
func BenchmarkBareHandler(b *testing.B)  { benchServer(b, bareHandler) }
func BenchmarkChatAccepted(b *testing.B) { benchServer(b, chatAcceptedHandler(b)) }

// The same two without the network: the handler's own cost.
func BenchmarkBareHandlerDirect(b *testing.B)  { benchDirect(b, bareHandler) }
func BenchmarkChatAcceptedDirect(b *testing.B) { benchDirect(b, chatAcceptedHandler(b)) }

func BenchmarkDecode(b *testing.B) {
	body := webhooktest.Payload(b, webhook.NameChatAccepted)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := webhook.Decode(body); err != nil {
			b.Fatal(err)
		}
	}
}

// TestThroughputRatio runs the benchmarks above and prints how the
// webhook handler's throughput compares with the bare handler's (the goal
// is at least 0.7x over HTTP). It only prints: timings are not asserted.
// The HTTP pair runs three times, interleaved, and each keeps its fastest
// round, so that a burst of other work on a shared machine does not decide
// the ratio. It runs under -v only, as it takes several seconds.
func TestThroughputRatio(t *testing.T) {
	if !testing.Verbose() || testing.Short() {
		t.Skip("prints figures; run with -v")
	}
	row := func(name string, r testing.BenchmarkResult) {
		t.Logf("%-22s %10d ns/op %8.0f req/s %6d B/op %4d allocs/op", name, r.NsPerOp(), 1e9/float64(r.NsPerOp()), r.AllocedBytesPerOp(), r.AllocsPerOp())
	}
	var bare, full testing.BenchmarkResult
	for round := 0; round < 3; round++ {
		b, f := testing.Benchmark(BenchmarkBareHandler), testing.Benchmark(BenchmarkChatAccepted)
		if round == 0 || b.NsPerOp() < bare.NsPerOp() {
			bare = b
		}
		if round == 0 || f.NsPerOp() < full.NsPerOp() {
			full = f
		}
	}
	bareD, fullD := testing.Benchmark(BenchmarkBareHandlerDirect), testing.Benchmark(BenchmarkChatAcceptedDirect)
	row("bare, HTTP", bare)
	row("chat_accepted, HTTP", full)
	row("bare, direct", bareD)
	row("chat_accepted, direct", fullD)
	t.Logf("chat_accepted throughput over HTTP: %.2fx the bare handler's (goal >= 0.7x)", float64(bare.NsPerOp())/float64(full.NsPerOp()))
	t.Logf("chat_accepted throughput, direct:   %.2fx the bare handler's", float64(bareD.NsPerOp())/float64(fullD.NsPerOp()))
}

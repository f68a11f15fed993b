package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// The handlers one at a time, over HTTP and without the network (the
// handler's own cost), for profiling. BenchmarkThroughputRatio compares
// them.
func BenchmarkBareHandler(b *testing.B)         { benchServer(b, bareHandler) }
func BenchmarkChatAccepted(b *testing.B)        { benchServer(b, chatAcceptedHandler(b)) }
func BenchmarkEncodingJSONHandler(b *testing.B) { benchServer(b, encodingJSONHandler) }

func BenchmarkBareHandlerDirect(b *testing.B)         { benchDirect(b, bareHandler) }
func BenchmarkChatAcceptedDirect(b *testing.B)        { benchDirect(b, chatAcceptedHandler(b)) }
func BenchmarkEncodingJSONHandlerDirect(b *testing.B) { benchDirect(b, encodingJSONHandler) }

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

// plainChatAccepted is the struct a program would declare for chat_accepted
// to decode it with encoding/json: every field of the reference's example.
type plainChatAccepted struct {
	EventName string `json:"event_name"`
	ChatID    int64  `json:"chat_id"`
	WidgetID  string `json:"widget_id"`
	Visitor   struct {
		Name        string         `json:"name"`
		Email       string         `json:"email"`
		Phone       string         `json:"phone"`
		Number      string         `json:"number"`
		Description string         `json:"description"`
		Social      map[string]any `json:"social"`
		ChatsCount  int            `json:"chats_count"`
	} `json:"visitor"`
	Agent struct {
		ID    string `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
		Phone string `json:"phone"`
	} `json:"agent"`
	Department struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"department"`
	Session struct {
		GeoIP struct {
			RegionCode   string `json:"region_code"`
			Country      string `json:"country"`
			CountryCode  string `json:"country_code"`
			Region       string `json:"region"`
			City         string `json:"city"`
			Latitude     string `json:"latitude"`
			Longitude    string `json:"longitude"`
			Organization string `json:"organization"`
		} `json:"geoip"`
		UTM     string `json:"utm"`
		UTMJSON struct {
			Source   string `json:"source"`
			Campaign string `json:"campaign"`
			Content  string `json:"content"`
			Medium   string `json:"medium"`
			Term     string `json:"term"`
		} `json:"utm_json"`
		IPAddr    string `json:"ip_addr"`
		UserAgent string `json:"user_agent"`
	} `json:"session"`
	Page struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	} `json:"page"`
	Analytics map[string]any `json:"analytics"`
}

// plainReply is the reply such a program would encode.
type plainReply struct {
	Result      string              `json:"result"`
	CustomData  []jsapi.CustomField `json:"custom_data,omitempty"`
	ContactInfo *jsapi.ContactInfo  `json:"contact_info,omitempty"`
	CRMLink     string              `json:"crm_link,omitempty"`
}

// encodingJSONHandler is the second baseline: the handler a program would
// write without this package. It decodes chat_accepted with encoding/json
// into a struct and encodes the same reply as chatAcceptedHandler's with
// it; it checks nothing (no content type, size limit, safe hosts or
// custom-data rules).
var encodingJSONHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	var ev plainChatAccepted
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(plainReply{Result: err.Error()})
		return
	}
	rep := plainReply{Result: "ok", CustomData: agentView.CustomData, ContactInfo: agentView.ContactInfo, CRMLink: agentView.CRMLink}
	if ev.Visitor.Number == "" {
		rep = plainReply{Result: "no visitor"}
	}
	json.NewEncoder(w).Encode(rep)
})

// contender is one handler of BenchmarkThroughputRatio.
type contender struct {
	name string
	h    http.Handler
}

func contenders(b *testing.B) []*contender {
	return []*contender{{name: "bare", h: bareHandler}, {name: "jivokit", h: chatAcceptedHandler(b)}, {name: "encoding-json", h: encodingJSONHandler}}
}

// ratioRound is how many requests each handler serves in turn before the
// next one's turn: short enough that a burst of other work on a shared
// machine falls on all of them alike.
const ratioRound = 256

// BenchmarkThroughputRatio serves the chat_accepted sample over HTTP on
// 127.0.0.1 with three handlers, interleaved in rounds of ratioRound
// requests (the order turning each round) from 2×GOMAXPROCS clients with
// keep-alive connections: the bare handler (read the body, write
// {"result":"ok"}), this package's Handler (decode, verify, call the
// function, clean and write its AgentView) and the handler a program would
// write with encoding/json instead. b.N requests go to each. It reports
// each handler's time per request and the throughput ratios jivokit/bare
// (the goal is at least 0.7) and jivokit/encoding-json (above 1 when this
// package is the faster).
//
//	go test -run '^$' -bench ThroughputRatio -count 5 ./webhook/
func BenchmarkThroughputRatio(b *testing.B) {
	body := webhooktest.Payload(b, webhook.NameChatAccepted)
	cs := contenders(b)
	type target struct {
		url    string
		client *http.Client
	}
	targets := make([]target, len(cs))
	for i, c := range cs {
		srv := httptest.NewServer(c.h)
		defer srv.Close()
		tr := &http.Transport{MaxIdleConnsPerHost: 64}
		defer tr.CloseIdleConnections()
		targets[i] = target{srv.URL, &http.Client{Transport: tr}}
	}
	workers := 2 * runtime.GOMAXPROCS(0)
	post := func(t target) error {
		res, err := t.client.Post(t.url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			return fmt.Errorf("status %d", res.StatusCode)
		}
		return nil
	}
	// burst serves n requests to t from the workers and returns how long
	// they took.
	burst := func(t target, n int) time.Duration {
		var left atomic.Int64
		left.Store(int64(n))
		var wg sync.WaitGroup
		start := time.Now()
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for left.Add(-1) >= 0 {
					if err := post(t); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		return time.Since(start)
	}
	for i := range targets { // warm the connections
		burst(targets[i], workers)
	}
	b.ResetTimer()
	interleave(b, cs, func(i, n int) time.Duration { return burst(targets[i], n) })
}

// BenchmarkThroughputRatioDirect is BenchmarkThroughputRatio without the
// network: ServeHTTP called in turn on one goroutine, the handlers' own
// cost.
func BenchmarkThroughputRatioDirect(b *testing.B) {
	body := webhooktest.Payload(b, webhook.NameChatAccepted)
	cs := contenders(b)
	rd := bytes.NewReader(body)
	r := httptest.NewRequest("POST", "/", rd)
	r.Header.Set("Content-Type", "application/json")
	w := &discardWriter{h: http.Header{}}
	b.ResetTimer()
	interleave(b, cs, func(i, n int) time.Duration {
		start := time.Now()
		for range n {
			rd.Reset(body)
			r.Body = io.NopCloser(rd)
			w.status = 0
			cs[i].h.ServeHTTP(w, r)
			if w.status != 200 {
				b.Fatalf("%s: status %d", cs[i].name, w.status)
			}
		}
		return time.Since(start)
	})
}

// interleave gives each contender b.N requests, served by serve(index, n)
// in rounds of ratioRound, turning the order each round. It reports each
// one's median time per request over the rounds, and the medians of the
// rounds' throughput ratios of jivokit (contender 1) to the others: a
// round compares handlers that ran within milliseconds of each other, and
// the median leaves out the rounds that a burst of other work on the
// machine fell on unevenly.
func interleave(b *testing.B, cs []*contender, serve func(i, n int) time.Duration) {
	perReq := make([][]float64, len(cs)) // per contender, ns/req of each round
	for round := 0; round*ratioRound < b.N; round++ {
		n := min(ratioRound, b.N-round*ratioRound)
		for k := range cs {
			i := (round + k) % len(cs)
			perReq[i] = append(perReq[i], float64(serve(i, n).Nanoseconds())/float64(n))
		}
	}
	b.StopTimer()
	for i, c := range cs {
		b.ReportMetric(median(perReq[i]), c.name+"-ns/req")
		if i == 1 {
			continue
		}
		ratios := make([]float64, len(perReq[i]))
		for r := range ratios {
			ratios[r] = perReq[i][r] / perReq[1][r]
		}
		b.ReportMetric(median(ratios), "jivokit/"+c.name)
	}
	b.ReportMetric(0, "ns/op") // all of them together; the metrics above say more
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2
	}
	return v[len(v)/2]
}

package webhook_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestLoad posts events from many concurrent senders to a server on
// 127.0.0.1 and checks that every event is logged exactly once, with no
// error replies. Run with -v for the figures.
func TestLoad(t *testing.T) {
	senders, perSender := 16, 150
	if testing.Short() {
		senders, perSender = 4, 25
	}
	out := &testtool.Buffer{}
	log := &eventlog.Log{Out: out, Keep: 10}
	h, _ := newHandler(t, log.Funcs(webhook.Funcs{}))
	srv := httptest.NewServer(h)
	defer srv.Close()

	names := samples.Names()
	bodies := make([][]byte, senders*perSender)
	for i := range bodies {
		b, err := webhooktest.Set(webhooktest.Payload(t, names[i%len(names)]), "chat_id", i)
		if err != nil {
			t.Fatal(err)
		}
		bodies[i] = b
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: senders}}
	latencies := make([]time.Duration, len(bodies))
	failures := make(chan string, len(bodies))
	deadline := time.Now().Add(30 * time.Second) // bounded in time as well as count
	start := time.Now()
	var wg sync.WaitGroup
	for s := range senders {
		wg.Go(func() {
			for i := s * perSender; i < (s+1)*perSender && time.Now().Before(deadline); i++ {
				t0 := time.Now()
				res, err := client.Post(srv.URL, "application/json", bytes.NewReader(bodies[i]))
				if err != nil {
					failures <- err.Error()
					continue
				}
				reply, _ := io.ReadAll(res.Body)
				res.Body.Close()
				latencies[i] = time.Since(t0)
				if res.StatusCode != 200 || string(reply) != `{"result":"ok"}` {
					failures <- fmt.Sprintf("event %d: %d %s", i, res.StatusCode, reply)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(failures)
	for f := range failures {
		t.Error(f)
	}

	seen := make(map[string]int)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for _, line := range lines {
		var e struct {
			Event struct {
				ChatID webhook.ID `json:"chat_id"`
			} `json:"event"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("log line is not JSON (interleaved?): %v\n%.200s", err, line)
		}
		seen[string(e.Event.ChatID)]++
	}
	for i := range bodies {
		if n := seen[fmt.Sprint(i)]; n != 1 {
			t.Errorf("event %d logged %d times", i, n)
		}
	}
	if len(lines) != len(bodies) || log.Len() != uint64(len(bodies)) {
		t.Errorf("%d lines, %d recorded, %d sent", len(lines), log.Len(), len(bodies))
	}

	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("load: %d events from %d senders in %v: %.0f events/s; latency p50 %v, p90 %v, p99 %v, max %v",
		len(bodies), senders, elapsed.Round(time.Millisecond), float64(len(bodies))/elapsed.Seconds(),
		pct(0.5), pct(0.9), pct(0.99), latencies[len(latencies)-1])
}

package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
)

// TestDemoEventsBounded checks that the live log's answers stay small
// however large the events: a large event is answered without its body,
// an answer holds about maxEventsResponse bytes, and nothing is
// HTML-escaped.
func TestDemoEventsBounded(t *testing.T) {
	s, base := startTest(t, Config{})
	record := func(n int) {
		t.Helper()
		body := `{"event_name":"chat_finished","chat_id":7,"widget_id":"1","x":"` + strings.Repeat("<", n) + `"}`
		ev, err := webhook.Decode([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.events.Record(ev); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		record(2 << 20) // over the bound per event
	}
	for range 40 {
		record(50 << 10)
	}
	var got []eventJSON
	since := uint64(0)
	for answers := 0; ; answers++ {
		res, body := get(t, base+"/demo/webhook/events?since="+strconv.FormatUint(since, 10))
		if res.StatusCode != 200 {
			t.Fatal(res.Status)
		}
		if len(body) > maxEventsResponse+100<<10 {
			t.Fatalf("an answer of %d bytes", len(body))
		}
		if strings.Contains(body, `\u003c`) {
			t.Fatal("the answer is HTML-escaped")
		}
		var events []eventJSON
		if err := json.Unmarshal([]byte(body), &events); err != nil {
			t.Fatal(err)
		}
		if len(events) == 0 {
			if answers < 2 {
				t.Fatalf("%d answers for %d bytes of events: not bounded", answers, 40*50<<10)
			}
			break
		}
		got = append(got, events...)
		since = events[len(events)-1].Seq
	}
	if len(got) != 43 {
		t.Fatalf("%d events over the answers, want 43", len(got))
	}
	for _, e := range got[:3] {
		if string(e.Event) != "null" || e.EventOmitted < 2<<20 || e.Summary == "" {
			t.Fatalf("a large event: %d bytes, omitted %d, summary %q", len(e.Event), e.EventOmitted, e.Summary)
		}
	}
	// The newest are kept whole.
	if last := got[len(got)-1]; len(last.Event) < 50<<10 || last.EventOmitted != 0 {
		t.Fatalf("the last event: %d bytes, omitted %d", len(last.Event), last.EventOmitted)
	}
}

// TestDemoSendFormErrors: a form over the bound, or without an event,
// gets an error that says so, not `unknown event ""`.
func TestDemoSendFormErrors(t *testing.T) {
	_, base := startTest(t, Config{})
	post := func(form string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", base+"/demo/webhook/send", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set(demoHeader, "1")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := post("event=chat_accepted&pad=" + strings.Repeat("x", 5<<10)); code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "the form is over 4096 bytes") {
		t.Errorf("a form over 4 KiB: %d %s", code, body)
	}
	if code, body := post("pad=1"); code != http.StatusBadRequest || !strings.Contains(body, "no event") {
		t.Errorf("a form without an event: %d %s", code, body)
	}
	if code, body := post("event=chat_accepted"); code != 200 {
		t.Errorf("a good form: %d %s", code, body)
	}
}

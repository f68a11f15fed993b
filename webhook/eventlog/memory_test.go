package eventlog_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

// bigEvent is a chat_finished event with a field of n bytes of fill.
func bigEvent(t *testing.T, fill string, n int) webhook.Event {
	t.Helper()
	body := `{"event_name":"chat_finished","chat_id":7676,"widget_id":"3677","big":"` + strings.Repeat(fill, n/len(fill)) + `"}`
	ev, err := webhook.Decode([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestEventLogWritesNoHTMLEscapes(t *testing.T) {
	var out bytes.Buffer
	log := &eventlog.Log{Out: &out}
	ev := bigEvent(t, "<>&", 3000)
	if _, err := log.Record(ev); err != nil {
		t.Fatal(err)
	}
	log.RecordOversize(t.Context(), webhook.Oversize{EventName: "chat_<b>", Size: 10, Limit: 5})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	if len(lines[0]) > 3000+300 {
		t.Fatalf("a line of %d bytes for an event of 3000 bytes of <>&: HTML-escaped", len(lines[0]))
	}
	var e struct {
		Seq   uint64 `json:"seq"`
		Event struct {
			Big string `json:"big"`
		} `json:"event"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil || e.Seq != 1 || e.Event.Big != strings.Repeat("<>&", 1000) {
		t.Fatalf("the line reads back as %d, %.40q (%v)", e.Seq, e.Event.Big, err)
	}
	if !strings.Contains(lines[1], `"event_name":"chat_<b>"`) {
		t.Fatalf("mark: %s", lines[1])
	}
}

func TestEventLogKeepsBoundedBytes(t *testing.T) {
	var out bytes.Buffer
	log := &eventlog.Log{Out: &out, KeepEventBytes: 10 << 10, KeepBytes: 20 << 10}
	small := bigEvent(t, "a", 8<<10)
	large := bigEvent(t, "a", 12<<10)
	for _, ev := range []webhook.Event{small, large, small, small, small} {
		if _, err := log.Record(ev); err != nil {
			t.Fatal(err)
		}
	}
	kept := log.Recent()
	if len(kept) != 5 {
		t.Fatalf("%d entries kept, want 5: the bytes bound drops events, not entries", len(kept))
	}
	total := 0
	for _, e := range kept {
		total += len(e.Event)
		if e.Summary == "" || e.Name != webhook.NameChatFinished {
			t.Fatalf("entry %d lost its summary or name: %+v", e.Seq, e)
		}
		if (e.Event == nil) == (e.EventOmitted == 0) {
			t.Fatalf("entry %d: event of %d bytes, omitted %d", e.Seq, len(e.Event), e.EventOmitted)
		}
	}
	if kept[1].Event != nil || kept[1].EventOmitted < 12<<10 {
		t.Fatalf("the event over KeepEventBytes is kept (%d bytes, omitted %d)", len(kept[1].Event), kept[1].EventOmitted)
	}
	if total > 20<<10 {
		t.Fatalf("%d bytes of events kept, over KeepBytes", total)
	}
	if kept[0].Event != nil || kept[4].Event == nil || kept[3].Event == nil || kept[2].Event != nil {
		t.Fatal("the newest events are not the ones kept")
	}
	// Out has every event whole.
	if n := strings.Count(out.String(), "\n"); n != 5 || out.Len() < 4*(8<<10)+12<<10 {
		t.Fatalf("Out has %d lines, %d bytes", n, out.Len())
	}

	t.Run("defaults", func(t *testing.T) {
		log := &eventlog.Log{}
		log.Record(bigEvent(t, "a", eventlog.DefaultKeepEventBytes+1))
		log.Record(small)
		kept := log.Recent()
		if kept[0].Event != nil || kept[1].Event == nil {
			t.Fatalf("kept events of %d and %d bytes", len(kept[0].Event), len(kept[1].Event))
		}
	})
}

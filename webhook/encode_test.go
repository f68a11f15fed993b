package webhook_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// leaves returns every scalar of a JSON document by its path, as its JSON
// text: "3537" for a number, `"3677"` for a string.
func leaves(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(string, any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(path+"/"+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s/%d", path, i), x)
			}
		default:
			b, _ := json.Marshal(v)
			out[path] = string(b)
		}
	}
	walk("", v)
	return out
}

// TestEncodeKeepsTheFormOfIDs: every sample decoded and encoded again has
// each value in the form the sample has: a number stays a number, a
// string a string (chat_id 3537 and widget_id "3677" alike).
func TestEncodeKeepsTheFormOfIDs(t *testing.T) {
	for _, name := range samples.Names() {
		sample := webhooktest.Payload(t, name)
		ev, err := webhook.Decode(sample)
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		want := leaves(t, sample)
		for path, got := range leaves(t, out) {
			if w, ok := want[path]; ok && w != got {
				t.Errorf("%s: %s encodes as %s, sent as %s", name, path, got, w)
			}
		}
	}
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_finished","chat_id":2302,"widget_id":"3677","agents":[{"id":2224},{"id":"2225"}],"chat":{"messages":[{"agent_id":6149}]}}`))
	out, _ := json.Marshal(ev)
	for _, want := range []string{`"chat_id":2302`, `"widget_id":"3677"`, `{"id":2224}`, `{"id":"2225"}`, `"agent_id":6149`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%s lacks %s", out, want)
		}
	}
}

// TestEncodeChangedIDs: an id given a new value keeps the number form
// only when the new text is still the number sent; a built event (no Raw)
// writes strings.
func TestEncodeChangedIDs(t *testing.T) {
	ev := webhooktest.Event[*webhook.ChatFinished](t)
	ev.ChatID = "chat-9"
	body, err := webhooktest.Body(ev)
	if err != nil || !bytes.Contains(body, []byte(`"chat_id":"chat-9"`)) || !bytes.Contains(body, []byte(`"widget_id":"3677"`)) {
		t.Fatalf("Body = %s, %v", body, err)
	}
	ev = webhooktest.Event[*webhook.ChatFinished](t)
	body, _ = webhooktest.Body(ev)
	if !bytes.Contains(body, []byte(`"chat_id":7676`)) {
		t.Fatalf("Body of the sample = %s", body)
	}
	built, _ := json.Marshal(&webhook.ChatAccepted{Base: webhook.Base{EventName: "chat_accepted", ChatID: "12"}})
	if string(built) != `{"event_name":"chat_accepted","chat_id":"12"}` {
		t.Fatalf("built event encodes as %s", built)
	}
	// A value (not a pointer) encodes the same way.
	e, _ := webhook.Decode([]byte(`{"event_name":"offline_message","offline_message_id":3999}`))
	v, _ := json.Marshal(*e.(*webhook.OfflineMessage))
	if string(v) != `{"event_name":"offline_message","offline_message_id":3999}` {
		t.Fatalf("value encodes as %s", v)
	}
}

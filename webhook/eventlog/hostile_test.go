package eventlog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// hostile are bodies that try to break the terminal or the log. Each is
// accepted by the handler; want is the event_name the handler used.
var hostile = []struct {
	name, body, want string
}{
	{"clear screen in chat_id", `{"event_name":"chat_accepted","chat_id":"1\u001b[2J\u001b[H","visitor":{"name":"Ann\u001b[31mred"}}`, "chat_accepted"},
	{"forged line in event_name", `{"event_name":"chat_exploded\r\n#2 12:00:00 chat_accepted chat 1\u001b]0;pwned\u0007","chat_id":"2"}`, "chat_exploded\r\n#2 12:00:00 chat_accepted chat 1\u001b]0;pwned\u0007"},
	{"chat.rate", `{"event_name":"chat_finished","chat_id":"3","chat":{"rate":"good\u001b]0;title\u0007\u009b31m","messages":[]}}`, "chat_finished"},
	{"call fields", `{"event_name":"call_event","chat_id":"4","call":{"type":"callback\r#9 forged","status":"\u009b2J","phone":"\u202e987","reason":"` + "\xff\xfe\x9b" + `"}}`, "call_event"},
	{"separators and NUL", `{"event_name":"offline_message","message":"a\u2028b\u2029c\u0000d","visitor":{"name":"\u0085x","phone":"\u00a0"}}`, "offline_message"},
	{"agent and page", `{"event_name":"chat_updated","chat_id":"6","agent":{"name":"\u001b[5mblink","id":"7\u001b[K"},"page":{"url":"http://x/\u001b[2J"}}`, "chat_updated"},
	{"invalid UTF-8 everywhere", "{\"event_name\":\"chat_assigned\",\"chat_id\":\"8\xc0\",\"assign_to\":\"\xed\xa0\x80\",\"\xff\xfekey\":\"v\xf5\",\"s\":\"\\ud800 lone\"}", "chat_assigned"},
	{"duplicate event_name", `{"event_name":"chat_finished","chat_id":"9","event_name":"chat_accepted","visitor":{"name":"first","name":"last"}}`, "chat_accepted"},
	{"100 levels", `{"event_name":"client_updated","deep":` + strings.Repeat("[", 99) + strings.Repeat("]", 99) + `}`, "client_updated"},
	{"token", `{"event_name":"client_updated","user_token":"\u001b[2Jt\u001b"}`, "client_updated"},
	{"chat as text and HTML", `{"event_name":"chat_finished","chat_id":"10","plain_messages":"a\u001b[2J\r\n#11 forged","html_messages":"<script>\u009b31m</script>` + "\xff" + `","chat":{"invitation":"\u001b]0;t\u0007"}}`, "chat_finished"},
	{"CRM deal", `{"event_type":"crm_deal","event_name":"created_deal","deal":{"id":"1\u001b[2J","title":"\u001b[31mred\r\n#12 forged","title":"` + "\xfe" + `"}}`, "created_deal"},
	{"CRM entity that is not an object", `{"event_type":"crm_task","event_name":"fired_task\u001b[H","task":"\u001b[2J","timestamp":"\u0000"}`, "fired_task\u001b[H"},
}

// strictJSON reports why line is not JSON that every common reader reads
// alike (RFC 7493, I-JSON): invalid UTF-8, an escaped lone surrogate, a
// name twice in an object, a number beyond float64.
func strictJSON(line string) error {
	if !utf8.ValidString(line) {
		return errors.New("invalid UTF-8")
	}
	if !json.Valid([]byte(line)) {
		return errors.New("not JSON")
	}
	for i := 0; i+6 <= len(line); i++ {
		if line[i] == '\\' {
			if line[i+1] == 'u' {
				r, _ := strconv.ParseUint(line[i+2:i+6], 16, 32)
				if utf16.IsSurrogate(rune(r)) {
					var r2 uint64
					if i+12 <= len(line) && line[i+6:i+8] == `\u` {
						r2, _ = strconv.ParseUint(line[i+8:i+12], 16, 32)
					}
					if utf16.DecodeRune(rune(r), rune(r2)) == unicode.ReplacementChar {
						return fmt.Errorf("lone surrogate %s", line[i:i+6])
					}
					i += 6
				}
			}
			i++
		}
	}
	type frame struct {
		names map[string]bool
		name  bool // the next token is a name
	}
	var stack []*frame
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.names != nil && tok != json.Delim('}') {
			if top.name {
				name := tok.(string)
				if top.names[name] {
					return fmt.Errorf("name %q twice", name)
				}
				top.names[name] = true
			}
			top.name = !top.name
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{names: map[string]bool{}, name: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].names != nil {
				stack[len(stack)-1].name = true
			}
		}
		if n, ok := tok.(json.Number); ok {
			if f, err := strconv.ParseFloat(string(n), 64); err != nil || math.IsInf(f, 0) {
				return fmt.Errorf("number %.40s beyond float64", n)
			}
		}
	}
}

func TestEventLogHostileEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var print testtool.Buffer
	log := &eventlog.Log{Out: f, Print: &print}
	called := 0
	h := newHandler(t, log.Funcs(webhook.Funcs{
		ClientUpdated: func(context.Context, *webhook.ClientUpdated) error { called++; return nil },
	}))
	for _, tt := range hostile {
		if rep := webhooktest.Post(t, h, tt.body); !rep.OK() {
			t.Errorf("%s: reply %s", tt.name, rep.Body)
		}
	}
	if log.Len() != uint64(len(hostile)) {
		t.Fatalf("%d events recorded, want %d", log.Len(), len(hostile))
	}
	flush(t, log)

	t.Run("terminal", func(t *testing.T) {
		out := print.String()
		lines := strings.SplitAfter(out, "\n")
		if lines[len(lines)-1] != "" || len(lines)-1 != len(hostile) {
			t.Fatalf("%d lines for %d events:\n%s", len(lines)-1, len(hostile), out)
		}
		for i, line := range lines[:len(hostile)] {
			line = strings.TrimSuffix(line, "\n")
			if !utf8.ValidString(line) {
				t.Errorf("%s: invalid UTF-8 printed: %q", hostile[i].name, line)
			}
			for _, r := range line {
				if r != ' ' && !unicode.IsPrint(r) {
					t.Errorf("%s: %U printed raw: %q", hostile[i].name, r, line)
				}
			}
		}
		// What reaches the summary unchanged is shown escaped.
		for _, want := range []string{`#1 `, ` chat_accepted chat 1\x1b[2J\x1b[H `, `chat_exploded\r\n#2 12:00:00`, `\x1b]0;pwned\a`, `good\x1b]0;title\a\u009b31m`, `\u202e987`} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %s:\n%s", want, out)
			}
		}
	})

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != len(hostile) {
		t.Fatalf("%d lines logged, want %d", len(lines), len(hostile))
	}

	t.Run("strict Go decoder", func(t *testing.T) {
		for i, line := range lines {
			if err := strictJSON(line); err != nil {
				t.Errorf("%s: not strict JSON (RFC 7493): %v: %s", hostile[i].name, err, line)
				continue
			}
			var entry struct {
				Name  string         `json:"event_name"`
				Event map[string]any `json:"event"`
			}
			if err := json.Unmarshal([]byte(line), &entry); err != nil {
				t.Errorf("%s: %v", hostile[i].name, err)
				continue
			}
			if entry.Name != hostile[i].want || entry.Event["event_name"] != hostile[i].want {
				t.Errorf("%s: logged %q with event_name %q, the handler used %q", hostile[i].name, entry.Name, entry.Event["event_name"], hostile[i].want)
			}
		}
		if !strings.Contains(lines[7], `"visitor":{"name":"last"}`) || strings.Count(lines[7], "event_name") != 2 {
			t.Errorf("duplicate names: %s", lines[7])
		}
		if !strings.Contains(lines[6], "\"chat_id\":\"8\uFFFD\"") || !strings.Contains(lines[6], "\"\uFFFD\uFFFDkey\":\"v\uFFFD\"") || !strings.Contains(lines[6], "\"s\":\"\uFFFD lone\"") {
			t.Errorf("invalid UTF-8: %s", lines[6])
		}
	})

	t.Run("Python json.loads", func(t *testing.T) {
		python, err := exec.LookPath("python3")
		if err != nil {
			testtool.Missing(t, "python3 not found: install Python 3 to run this test")
		}
		const script = `
import json, sys
names = []
with open(sys.argv[1], encoding="utf-8", errors="strict") as f:
    for line in f:
        d = json.loads(line)
        names.append([d["event_name"], d["event"]["event_name"]])
json.dump(names, sys.stdout)
`
		var stderr bytes.Buffer
		cmd := exec.Command(python, "-c", script, path)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("python3 cannot read the log: %v\n%s", err, stderr.String())
		}
		var names [][2]string
		if err := json.Unmarshal(out, &names); err != nil || len(names) != len(hostile) {
			t.Fatalf("python3 read %s (%v)", out, err)
		}
		for i, n := range names {
			if n[0] != hostile[i].want || n[1] != hostile[i].want {
				t.Errorf("%s: python3 reads event_name %q and %q, the handler used %q", hostile[i].name, n[0], n[1], hostile[i].want)
			}
		}
	})
}

// TestEventLogKeepsValidEventsAsSent checks that an event that is already
// valid JSON is logged as sent, only compacted.
func TestEventLogKeepsValidEventsAsSent(t *testing.T) {
	for _, name := range append(samples.Names(), samples.CRMNames()...) {
		payload := webhooktest.Payload(t, name)
		var out bytes.Buffer
		log := &eventlog.Log{Out: &out}
		ev, err := webhook.Decode(payload)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := log.Record(ev); err != nil {
			t.Fatal(err)
		}
		var entry struct{ Event json.RawMessage }
		if err := json.Unmarshal(out.Bytes(), &entry); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		json.Compact(&want, payload)
		if !bytes.Equal(entry.Event, want.Bytes()) {
			t.Errorf("%s logged as\n%s\nwant\n%s", name, entry.Event, want.Bytes())
		}
	}
}

// deepEvent is an event whose "deep" member nests n levels below the
// event: the event itself is level 1, so the deep part starts at level 2.
func deepEvent(chatID string, n int, open, leaf, close string) (body, deepFrom101 string) {
	inner := strings.Repeat(open, n) + leaf + strings.Repeat(close, n)
	body = `{"event_name":"client_updated","chat_id":"` + chatID + `","visitor":{"name":"Ann"},"deep":` + inner + `}`
	// Levels 2 to 100 stay JSON: the 99 outer levels of inner.
	return body, strings.Repeat(open, n-99) + leaf + strings.Repeat(close, n-99)
}

// TestEventLogKeepsDeepEvents: an event nested past MaxDepth is
// recorded, its function runs, its top-level fields stay readable, and
// the part past the limit is a string of its text as sent.
func TestEventLogKeepsDeepEvents(t *testing.T) {
	type deepCase struct{ body, deep string }
	var cases []deepCase
	for _, c := range []struct {
		id                string
		n                 int
		open, leaf, close string
	}{
		{"d1", 100, "[", "", "]"},
		{"d2", 9000, `{"a":`, "1", "}"},
		{"d3", 120, `[ "]\"[" , `, `"\u001b\ud800x"`, "]"},
	} {
		body, deep := deepEvent(c.id, c.n, c.open, c.leaf, c.close)
		cases = append(cases, deepCase{body, deep})
	}
	var out bytes.Buffer
	log := &eventlog.Log{Out: &out}
	var got []string
	h := newHandler(t, log.Funcs(webhook.Funcs{
		ClientUpdated: func(_ context.Context, e *webhook.ClientUpdated) error {
			got = append(got, string(e.ChatID))
			return nil
		},
	}))
	for _, c := range cases {
		if rep := webhooktest.Post(t, h, c.body); !rep.OK() {
			t.Fatalf("reply %.200s", rep.Body)
		}
	}
	if strings.Join(got, ",") != "d1,d2,d3" {
		t.Fatalf("functions ran for %v", got)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("%d lines logged, want %d", len(lines), len(cases))
	}
	for i, line := range lines {
		if err := strictJSON(line); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		var entry struct {
			Name  string `json:"event_name"`
			Event struct {
				ChatID  string            `json:"chat_id"`
				Visitor map[string]string `json:"visitor"`
				Deep    any               `json:"deep"`
			} `json:"event"`
		}
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if entry.Name != "client_updated" || entry.Event.ChatID != fmt.Sprintf("d%d", i+1) || entry.Event.Visitor["name"] != "Ann" {
			t.Errorf("line %d: top-level fields %+v", i+1, entry)
		}
		v := entry.Event.Deep
		for range 99 {
			switch x := v.(type) {
			case []any:
				v = x[len(x)-1]
			case map[string]any:
				v = x["a"]
			default:
				t.Fatalf("line %d: %T above the limit", i+1, v)
			}
		}
		want := strings.ToValidUTF8(cases[i].deep, "\uFFFD")
		if s, ok := v.(string); !ok || s != want {
			t.Errorf("line %d: the part past the limit is %.80v, want the string %.80q", i+1, v, want)
		}
	}
}

// TestEventLogNumbersBeyondFloat64: numbers the common readers refuse or
// read as infinity are recorded as strings of their text; others as sent.
func TestEventLogNumbersBeyondFloat64(t *testing.T) {
	huge := "9" + strings.Repeat("0", 800000)
	body := `{"event_name":"client_updated","chat_id":1e400,"n":[-1e400,` + huge + `,1.8e308,1e308,-0,0.5e-400,123456789012345678901234567890,12,1.5E+3]}`
	var out bytes.Buffer
	log := &eventlog.Log{Out: &out}
	h := newHandler(t, log.Funcs(webhook.Funcs{}))
	if rep := webhooktest.Post(t, h, body); !rep.OK() {
		t.Fatalf("reply %.200s", rep.Body)
	}
	line := strings.TrimSuffix(out.String(), "\n")
	if err := strictJSON(line); err != nil {
		t.Fatal(err)
	}
	want := `"chat_id":"1e400","n":["-1e400","` + huge + `","1.8e308",1e308,-0,0.5e-400,123456789012345678901234567890,12,1.5E+3]}`
	if !strings.HasSuffix(line, want+"}") {
		t.Fatalf("logged %.300s", line)
	}
}

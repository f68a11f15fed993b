package webhookcmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = webhookcmd.Run(context.Background(), nil, &out, &errb, args)
	return code, out.String(), errb.String()
}

// startListen runs `listen` until the test ends and returns its URL.
func startListen(t *testing.T, args ...string) (url string, out *testtool.Buffer) {
	t.Helper()
	out = &testtool.Buffer{}
	url, _ = startListenTo(t, out, args...)
	return url, out
}

// startListenTo runs `listen` with stdout until the test ends and returns
// its URL and stderr.
func startListenTo(t *testing.T, stdout io.Writer, args ...string) (url string, stderr *testtool.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errb := &testtool.Buffer{}
	code := make(chan int, 1)
	go func() {
		code <- webhookcmd.Run(ctx, nil, stdout, errb, append([]string{"listen", "-addr", "127.0.0.1:0"}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case c := <-code:
			if c != 0 || !strings.Contains(errb.String(), "stopped") {
				t.Errorf("listen exited %d\n%s", c, errb)
			}
		case <-time.After(10 * time.Second):
			t.Error("listen did not stop when its context was cancelled")
		}
	})
	re := regexp.MustCompile(`msg=listening url=(http://\S+)|"msg":"listening","url":"(http://[^"]+)"`)
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(5 * time.Millisecond) {
		if m := re.FindStringSubmatch(errb.String()); m != nil {
			return m[1] + m[2], errb
		}
	}
	t.Fatalf("listen did not start:\n%s", errb)
	return "", nil
}

func TestSendAgainstListen(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	url, listenOut := startListen(t, "-path", "/jivo/webhook/s3cret-Zk3t9qLm2Xw8Rb4N", "-log", logFile)

	for _, name := range samples.Names() {
		code, out, errOut := run("send", string(name), "-url", url)
		if code != 0 || !strings.Contains(out, "200 OK") || !strings.HasSuffix(out, "reply ok\n") {
			t.Errorf("send %s: exit %d\n%s\n%s", name, code, out, errOut)
		}
	}
	code, out, _ := run("send", "chat_accepted", "-url", url, "-set", "visitor.name=Ann Lee", "-set", "chat_id=7", "-set", "visitor.chats_count=3")
	for _, want := range []string{"The agent sees:", "Contact: Ann Lee · +14084987855 · email@example.com", "Visitor: not verified", "Page: Page title · http://example.com/", "reply ok"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("send chat_accepted with -set: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	if !strings.Contains(listenOut.String(), "chat_accepted chat 7 · Ann Lee") {
		t.Errorf("listen did not print the event readably:\n%s", listenOut)
	}

	// A wrong secret is refused, and send says so.
	if code, out, _ := run("send", "chat_finished", "-url", strings.TrimSuffix(url, "N")); code != 1 || !strings.Contains(out, "404") || !strings.Contains(out, "bad reply") {
		t.Errorf("send to a wrong path: exit %d\n%s", code, out)
	}

	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != len(samples.Names())+1 {
		t.Fatalf("%d lines logged, want %d:\n%s", len(lines), len(samples.Names())+1, data)
	}
	var last struct {
		Name  string `json:"event_name"`
		Event struct {
			ChatID  json.Number `json:"chat_id"`
			Visitor struct {
				Name string `json:"name"`
			} `json:"visitor"`
		} `json:"event"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil || last.Name != "chat_accepted" || last.Event.ChatID != "7" || last.Event.Visitor.Name != "Ann Lee" {
		t.Fatalf("last line %s (%v)", lines[len(lines)-1], err)
	}
}

func TestSendReportsBadReplies(t *testing.T) {
	tests := []struct {
		name   string
		event  string
		status int
		reply  string
		want   string
	}{
		{"not ok", "chat_finished", 200, `{"result":"crm is down"}`, `result is "crm is down"`},
		{"not JSON", "chat_finished", 200, `ok`, "not {\"result\": ...}"},
		{"extra fields", "chat_finished", 200, `{"result":"ok","custom_data":[]}`, "unknown field"},
		{"no result", "call_event", 200, `{}`, "no result"},
		{"server error", "chat_finished", 500, `{"result":"ok"}`, "status 500"},
		{"unknown field", "chat_accepted", 200, `{"result":"ok","custom":[]}`, "documented shape"},
		{"eleven fields", "chat_accepted", 200, `{"result":"ok","custom_data":[` + strings.Repeat(`{"title":"x"},`, 10) + `{"title":"x"}]}`, "custom_data"},
		{"not ok to agent", "chat_updated", 200, `{"result":"later","crm_link":"https://crm.example.com/"}`, "the agent is shown nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.reply))
			}))
			defer srv.Close()
			code, out, errOut := run("send", tt.event, "-url", srv.URL)
			if code != 1 || !strings.Contains(out, "bad reply") || !strings.Contains(out, tt.want) {
				t.Fatalf("exit %d, want 1 mentioning %q\n%s\n%s", code, tt.want, out, errOut)
			}
		})
	}
}

// TestSendAdviceAndStrict: what breaks only jivokit's advice is shown as
// advice and the reply is ok; with -strict it is a bad reply.
func TestSendAdviceAndStrict(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"result":"ok","custom_data":[{"title":"Add contact","link":"/crm/add"}],"contact_info":{"name":"Ann","phone":"+1 (408) 498-7855 ext. 2"}}`))
	}))
	defer srv.Close()
	code, out, errOut := run("send", "chat_accepted", "-url", srv.URL)
	if code != 0 || !strings.HasSuffix(out, "reply ok\n") || !strings.Contains(out, "advice: custom_data: jivo: advice: fields[0].link: is not an absolute http or https URL") ||
		!strings.Contains(out, "advice: contact_info: jivo: advice: phone: contains 'e'") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = run("send", "chat_accepted", "-url", srv.URL, "-strict")
	if code != 1 || !strings.Contains(out, "bad reply") || !strings.Contains(out, "fields[0].link") || strings.Contains(out, "  advice:") {
		t.Fatalf("-strict: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestSendShowsTheAgentView(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := os.ReadFile("../../../webhook/testdata/chat_accepted_reply.json")
		w.Write(body)
	}))
	defer srv.Close()
	code, out, _ := run("send", "-url", srv.URL, "chat_accepted")
	want := `The agent sees:
  Contact: John Smith · +14084987855 · email@example.com
  Title: Content text
  Page: Page title · http://example.com/

reply ok
`
	if code != 0 || !strings.HasSuffix(out, want) {
		t.Fatalf("exit %d\n%s\nwant it to end with\n%s", code, out, want)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"nothing", nil, 64, "usage:"},
		{"unknown subcommand", []string{"rewind"}, 64, `unknown subcommand "rewind"`},
		{"replay without -log", []string{"replay", "-url", "http://127.0.0.1:1/"}, 64, "-log is required"},
		{"replay with a bad -since", []string{"replay", "-log", "x", "-url", "http://127.0.0.1:1/", "-since", "yesterday"}, 64, "-since is a sequence number"},
		{"send without url", []string{"send", "chat_accepted"}, 64, "jivokit webhook send: -url is required\nusage:"},
		{"send without event", []string{"send", "-url", "http://127.0.0.1:1/"}, 64, "name the EVENT to send"},
		{"send unknown event", []string{"send", "chat_exploded", "-url", "http://127.0.0.1:1/"}, 64, "no sample for event"},
		{"bad -set", []string{"send", "chat_accepted", "-url", "http://127.0.0.1:1/", "-set", "visitor.name"}, 64, "not path=value"},
		{"-set into a string", []string{"send", "chat_accepted", "-url", "http://127.0.0.1:1/", "-set", "widget_id.x=1"}, 64, "not an object"},
		{"listen with arguments", []string{"listen", "extra"}, 64, "takes no arguments"},
		{"listen with a bad path", []string{"listen", "-path", "secret"}, 64, "must start with /"},
		{"listen with a bad log format", []string{"listen", "-log-format", "yaml"}, 64, `-log-format is text or json, not "yaml"`},
		{"listen -sync without -log", []string{"listen", "-sync"}, 64, "-sync needs -log"},
		{"listen with no room to reply", []string{"listen", "-timeout", "10s", "-write-timeout", "12s"}, 64, "the write timeout (12s) must be at least 5s longer than the handler's deadline (10s)"},
		{"listen with a negative limit", []string{"listen", "-idle-timeout", "-1s"}, 64, "negative"},
		{"listen on a bad address", []string{"listen", "-addr", "256.0.0.1:x"}, 1, "cannot listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, want %d with %q in\n%s", code, tt.code, tt.want, errOut)
			}
		})
	}
}

func TestSendUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	if code, _, errOut := run("send", "chat_accepted", "-url", url); code != 1 || errOut == "" {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}

// countingServer answers ok and counts the requests it gets.
func countingServer(t *testing.T) (url string, hits func() int) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		w.Write([]byte(`{"result":"ok"}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() int { mu.Lock(); defer mu.Unlock(); return n }
}

func TestSendFlagErrors(t *testing.T) {
	url, hits := countingServer(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad flag after the event", []string{"send", "-url", url, "chat_finished", "-bogus"}, 64, "-bogus"},
		{"bad flag and an argument after the event", []string{"send", "-url", url, "chat_finished", "-bogus", "extra"}, 64, "-bogus"},
		{"bad flag before the event", []string{"send", "-bogus", "-url", url, "chat_finished"}, 64, "-bogus"},
		{"bad -set after the event", []string{"send", "-url", url, "chat_finished", "-set", "x"}, 64, "not path=value"},
		{"extra argument", []string{"send", "-url", url, "chat_finished", "extra"}, 64, `unexpected arguments ["extra"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hits()
			code, out, errOut := run(tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want %d with %q in\n%s", code, tt.code, tt.want, errOut)
			}
			if n := strings.Count(errOut, "usage:"); n != 1 {
				t.Errorf("usage printed %d times:\n%s", n, errOut)
			}
			if hits() != before || out != "" {
				t.Errorf("posted despite the flag error:\n%s", out)
			}
		})
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{
		{"-h"}, {"-help"}, {"help"},
		{"send", "-h"}, {"send", "chat_accepted", "-h"}, {"send", "-url", "http://127.0.0.1:1/", "chat_accepted", "-help"},
		{"listen", "-h"}, {"listen", "-addr", "127.0.0.1:0", "--help"},
	} {
		code, out, errOut := run(args...)
		if code != 0 || !strings.Contains(out, "usage") || errOut != "" {
			t.Errorf("%v: exit %d, want 0 with usage on stdout\nstdout: %s\nstderr: %s", args, code, out, errOut)
		}
		if n := strings.Count(out, "sage:"); n != 1 {
			t.Errorf("%v: usage printed %d times:\n%s", args, n, out)
		}
	}
}

func TestSendDoesNotFollowRedirects(t *testing.T) {
	target, hits := countingServer(t)
	for _, status := range []int{301, 302, 303, 307, 308} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target+"/moved", status)
			}))
			defer srv.Close()
			before := hits()
			code, out, errOut := run("send", "chat_finished", "-url", srv.URL)
			if code != 1 || !strings.Contains(out, "bad reply") || !strings.Contains(out, "redirect") || !strings.Contains(out, target+"/moved") {
				t.Errorf("exit %d, want 1 naming the redirect's Location\n%s\n%s", code, out, errOut)
			}
			if hits() != before {
				t.Errorf("send followed the redirect")
			}
		})
	}
}

// TestSendAcceptsWhatTheHandlerWrites checks that send's check of a reply
// agrees with what webhook.Handler writes, for views with fields the
// handler has to leave out.
func TestSendAcceptsWhatTheHandlerWrites(t *testing.T) {
	views := map[string]*webhook.AgentView{
		"link-only field":   {CustomData: []jsapi.CustomField{{Link: "https://crm.example.com/c/42"}, {Title: "Plan", Content: "Gold"}}},
		"only empty fields": {CustomData: []jsapi.CustomField{{Link: "https://crm.example.com/c/42"}, {}}},
		"unsafe links":      {CustomData: []jsapi.CustomField{{Title: "x", Link: "javascript:alert(1)"}}, CRMLink: "data:text/html,x"},
		"too many fields":   {CustomData: slices.Repeat([]jsapi.CustomField{{Title: "t"}}, 12)},
	}
	for name, view := range views {
		for _, strict := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, strict %v", name, strict), func(t *testing.T) {
				opts := []webhook.Option{webhook.WithLogger(slog.New(slog.DiscardHandler))} // the drops are expected
				args := []string{"send", "chat_accepted", "-url"}
				if strict {
					opts = append(opts, webhook.WithStrict())
				}
				h, err := webhook.New(webhook.Funcs{
					ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { return view, nil },
				}, opts...)
				if err != nil {
					t.Fatal(err)
				}
				srv := httptest.NewServer(h)
				defer srv.Close()
				args = append(args, srv.URL)
				if strict {
					args = append(args, "-strict")
				}
				if code, out, errOut := run(args...); code != 0 || !strings.HasSuffix(out, "reply ok\n") {
					t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
				}
			})
		}
	}
}

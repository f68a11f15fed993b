package webhookcmd_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// post posts body to url and returns the reply's status and body.
func post(t *testing.T, client *http.Client, url, body string) (int, string) {
	t.Helper()
	res, err := client.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// postMany posts n events and fails unless every one is answered ok
// within 30 s.
func postMany(t *testing.T, url string, n int) {
	t.Helper()
	payload := string(webhooktest.Payload(t, webhook.NameChatFinished))
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for i := range n {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d events answered in 30 s", i, n)
		}
		res, err := client.Post(url, "application/json", strings.NewReader(payload))
		if err != nil {
			t.Fatalf("event %d of %d not answered: %v", i+1, n, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), `"result":"ok"`) {
			t.Fatalf("event %d: %d %s", i+1, res.StatusCode, b)
		}
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(data, []byte("\n"))
}

func TestListenCutsOffSlowAndIdlePeers(t *testing.T) {
	u, _ := startListen(t, "-read-timeout", "300ms", "-idle-timeout", "200ms", "-timeout", "1s", "-write-timeout", "10s")
	host := strings.TrimPrefix(u, "http://")

	t.Run("a body a byte at a time", func(t *testing.T) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{")
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
				if _, err := c.Write([]byte(" ")); err != nil {
					return
				}
			}
		}()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err = io.Copy(io.Discard, c)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatal("a body sent a byte every 20 ms was still being read after 5 s")
		}
	})

	t.Run("idle keep-alive", func(t *testing.T) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		body := string(webhooktest.Payload(t, webhook.NameChatFinished))
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		r := bufio.NewReader(c)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		res, err := http.ReadResponse(r, nil)
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("reply: %v", err)
		}
		io.Copy(io.Discard, res.Body)
		_, err = io.Copy(io.Discard, r)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatal("an idle keep-alive connection was still open after 5 s")
		}
	})
}

func TestListenLogsJSON(t *testing.T) {
	u, errb := startListenTo(t, io.Discard, "-log-format", "json", "-path", "/jivo/webhook/s3cret")
	if code, _ := post(t, http.DefaultClient, strings.TrimSuffix(u, "s3cret")+"guess", `{"event_name":"chat_finished"}`); code != 404 {
		t.Fatalf("status %d", code)
	}
	var entries []map[string]any
	for start := time.Now(); time.Since(start) < 5*time.Second && len(entries) < 2; time.Sleep(10 * time.Millisecond) {
		entries = nil
		for _, line := range strings.Split(strings.TrimSpace(errb.String()), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("not a JSON log line: %s", line)
			}
			entries = append(entries, m)
		}
	}
	if len(entries) < 2 || entries[0]["msg"] != "listening" || entries[0]["url"] != u {
		t.Fatalf("log %v", entries)
	}
	refused := entries[1]
	if refused["level"] != "INFO" || refused["msg"] != "webhook: request refused" || fmt.Sprint(refused["status"]) != "404" || !strings.Contains(fmt.Sprint(refused["err"]), "not found") || !strings.HasPrefix(fmt.Sprint(refused["remote"]), "127.0.0.1:") {
		t.Fatalf("refused request logged as %v", refused)
	}
}

func TestListenPrintsEventsVisibly(t *testing.T) {
	u, out := startListen(t)
	events := []string{
		`{"event_name":"chat_accepted","chat_id":"1\u001b[2J\u001b[H\u001b]0;pwned\u0007"}`,
		`{"event_name":"chat_gone\r\n#99 12:00:00 chat_accepted chat 1","chat_id":"2"}`,
		`{"event_name":"chat_finished","chat_id":"3","chat":{"rate":"\u001b[31mbad\u009b0m"}}`,
		`{"event_name":"call_event","chat_id":"4","call":{"type":"\u001b[2J","status":"\r","phone":"\u202e1","reason":"\u0000"}}`,
	}
	for _, e := range events {
		if code, body := post(t, http.DefaultClient, u, e); code != 200 {
			t.Fatalf("%d %s", code, body)
		}
	}
	var shown string
	for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(10 * time.Millisecond) {
		if shown = out.String(); strings.Count(shown, "\n") == len(events) {
			break
		}
	}
	lines := strings.Split(strings.TrimSuffix(shown, "\n"), "\n")
	if len(lines) != len(events) {
		t.Fatalf("%d lines for %d events:\n%s", len(lines), len(events), shown)
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, fmt.Sprintf("#%d ", i+1)) {
			t.Errorf("line %d: %q", i+1, line)
		}
		for _, r := range line {
			if r != ' ' && !unicode.IsPrint(r) {
				t.Errorf("line %d prints %U raw: %q", i+1, r, line)
			}
		}
	}
	for _, want := range []string{`chat_accepted chat 1\x1b[2J\x1b[H\x1b]0;pwned\a`, `chat_gone\r\n#99 12:00:00`, `\u009b0m`, `\u202e1`} {
		if !strings.Contains(shown, want) {
			t.Errorf("output lacks %s:\n%s", want, shown)
		}
	}
}

// stuckWriter blocks every Write until the test ends, as a pipe nobody
// reads.
type stuckWriter struct{ release chan struct{} }

func (s stuckWriter) Write(p []byte) (int, error) {
	<-s.release
	return 0, io.ErrClosedPipe
}

func TestListenAnswersWhileStdoutIsNotRead(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	stdout := stuckWriter{make(chan struct{})}
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(stdout.release) }) })
	u, _ := startListenTo(t, stdout, "-log", logFile)
	// More events than the view buffers: stdout was written under the
	// log's lock and stalled every reply after the first.
	n := 2 * eventlog.ViewBuffer / 150
	postMany(t, u, n)
	if got := countLines(t, logFile); got != n {
		t.Fatalf("%d events logged, want %d", got, n)
	}
}

func TestSendPrintsRepliesVisibly(t *testing.T) {
	srv := newReplyServer(t, `{"result":"ok","custom_data":[{"title":"Plan\u001b[2J","content":"Gold\u009b"}],"crm_link":"https://crm.example.com/\u001b]0;x\u0007"}`)
	code, out, _ := run("send", "chat_accepted", "-url", srv)
	if strings.ContainsAny(out, "\x1b\x07\u009b") {
		t.Fatalf("exit %d, control bytes printed:\n%q", code, out)
	}
	if !strings.Contains(out, `Plan\x1b[2J: Gold\u009b`) {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// newReplyServer answers every request with body.
func newReplyServer(t *testing.T, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestListenSync(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	u, errb := startListenTo(t, io.Discard, "-log", logFile, "-sync")
	postMany(t, u, 3)
	if got := countLines(t, logFile); got != 3 {
		t.Fatalf("%d events logged, want 3", got)
	}
	if !strings.Contains(errb.String(), "sync=true") {
		t.Fatalf("start-up message without sync=true:\n%s", errb)
	}
}

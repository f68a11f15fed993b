package webhookcmd_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// logLines returns n lines of an event log, as eventlog writes them.
func logLines(t *testing.T, n int) []string {
	t.Helper()
	var b bytes.Buffer
	log := &eventlog.Log{Out: &b}
	for range n {
		if _, err := log.Record(webhooktest.Event[*webhook.ChatFinished](t)); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.SplitAfter(b.String(), "\n")
	return lines[:len(lines)-1]
}

func TestReplaySkipsBadLines(t *testing.T) {
	dir := t.TempDir()
	url, _ := startListen(t)
	lines := logLines(t, 3)
	t.Run("a bad line", func(t *testing.T) {
		p := filepath.Join(dir, "bad.jsonl")
		os.WriteFile(p, []byte(lines[0]+"not json\n"+lines[1]+`{"seq":9,"event":{"x"`+"\n"+lines[2]), 0o644)
		code, stdout, stderr := run("replay", "-log", p, "-url", url, "-rate", "0")
		if code != 1 {
			t.Fatalf("exit %d, want 1 for a log with bad lines\n%s\n%s", code, stdout, stderr)
		}
		if !strings.Contains(stdout, "3 events sent") || strings.Count(stdout, "→ 200") != 3 {
			t.Fatalf("the good lines are not all replayed:\n%s\n%s", stdout, stderr)
		}
		if !strings.Contains(stderr, "line 2 is not an event log line") || !strings.Contains(stderr, "line 4 is not an event log line") || !strings.Contains(stderr, "2 lines could not be read") {
			t.Fatalf("stderr does not say which lines are bad:\n%s", stderr)
		}
	})
	t.Run("an unfinished last line", func(t *testing.T) {
		p := filepath.Join(dir, "part.jsonl")
		os.WriteFile(p, []byte(lines[0]+lines[1]+lines[2]+`{"seq":4,"time":"2026-`), 0o644)
		code, stdout, stderr := run("replay", "-log", p, "-url", url, "-rate", "0")
		if code != 0 || !strings.Contains(stdout, "3 events sent, every reply ok") || !strings.Contains(stderr, "line 4 has no line end") {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
		}
	})
}

// TestReplayHelpSaysAsRecorded: replay sends the events as the log
// recorded them (rewritten to be valid JSON for every reader), and its
// help and docs say so, with the differences.
func TestReplayHelpSaysAsRecorded(t *testing.T) {
	_, help, _ := run("replay", "-h")
	doc, err := os.ReadFile("../../../docs/webhooks.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"replay -h": help, "docs/webhooks.md": string(doc)} {
		text = strings.Join(strings.Fields(text), " ")
		if strings.Contains(text, "as it was received") || !strings.Contains(text, "as the log recorded it") || !strings.Contains(text, "1e400") || !strings.Contains(text, "U+FFFD") {
			t.Errorf("%s does not say that a body is sent as recorded, and how that differs", name)
		}
	}
}

// TestUsageExitStatusDocumented: the exit status of bad usage that the
// help and docs give is the one the commands return.
func TestUsageExitStatusDocumented(t *testing.T) {
	code, _, _ := run("replay", "-log")
	if code != 64 {
		t.Fatalf("bad usage exits %d", code)
	}
	_, help, _ := run("replay", "-h")
	doc, err := os.ReadFile("../../../docs/webhooks.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(\d+) on bad usage`)
	for name, text := range map[string]string{"replay -h": help, "docs/webhooks.md": string(doc)} {
		found := re.FindAllStringSubmatch(strings.Join(strings.Fields(text), " "), -1)
		if len(found) == 0 {
			t.Errorf("%s does not give the exit status of bad usage", name)
		}
		for _, m := range found {
			if m[1] != strconv.Itoa(code) {
				t.Errorf("%s says bad usage exits %s; it exits %d", name, m[1], code)
			}
		}
	}
}

// TestReplayChecksFlagsFirst: a -url that is not an http(s) URL, and a
// -rate that is not a number of events per second, are usage errors,
// given before the log is read.
func TestReplayChecksFlagsFirst(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-log.jsonl")
	for _, args := range [][]string{
		{"-url", "file:///etc/passwd"},
		{"-url", "ftp://127.0.0.1/x"},
		{"-url", "127.0.0.1:8090"},
		{"-url", "localhost:8090/jivo"},
		{"-url", "http://127.0.0.1/%zz"},
		{"-url", "http:///path"},
		{"-url", "http://127.0.0.1:8090/", "-rate", "NaN"},
		{"-url", "http://127.0.0.1:8090/", "-rate", "+Inf"},
		{"-url", "http://127.0.0.1:8090/", "-rate", "-1"},
		{"-url", "http://127.0.0.1:8090/", "-rate", "1e-300"},
	} {
		code, _, stderr := run(append([]string{"replay", "-log", missing}, args...)...)
		flag := args[len(args)-2]
		if code != 64 || !strings.Contains(stderr, flag+" ") || strings.Contains(stderr, "no such file") {
			t.Errorf("%q: exit %d, want 64 naming %s before reading the log:\n%s", args, code, flag, stderr)
		}
	}
	code, _, stderr := run("send", "chat_finished", "-url", "file:///etc/passwd")
	if code != 64 || !strings.Contains(stderr, "-url ") {
		t.Errorf("send -url file://: exit %d\n%s", code, stderr)
	}
}

// TestListenRefusesALogInUse: a second listen on the same log fails
// clearly instead of writing the same seqs.
func TestListenRefusesALogInUse(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	startListen(t, "-log", logFile)
	code, _, stderr := run("listen", "-addr", "127.0.0.1:0", "-log", logFile)
	if code != 1 || !strings.Contains(stderr, "log is in use by another process") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
}

// TestReplayOneEventAndARedirect: "1 event sent", and a redirect named
// with its Location, as send does.
func TestReplayOneEventAndARedirect(t *testing.T) {
	p := filepath.Join(t.TempDir(), "one.jsonl")
	os.WriteFile(p, []byte(logLines(t, 1)[0]), 0o644)
	url, _ := startListen(t)
	code, stdout, stderr := run("replay", "-log", p, "-url", url)
	if code != 0 || !strings.HasSuffix(stdout, "\n1 event sent, every reply ok\n") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, stdout, _ := run("replay", "-log", p, "-url", url, "-n"); !strings.HasSuffix(stdout, "\n1 event would be sent\n") {
		t.Fatalf("-n:\n%s", stdout)
	}
	redirect := httptest.NewServer(http.RedirectHandler("http://127.0.0.1:1/elsewhere", http.StatusTemporaryRedirect))
	defer redirect.Close()
	code, stdout, _ = run("replay", "-log", p, "-url", redirect.URL)
	if code != 1 || !strings.Contains(stdout, "307 a redirect to http://127.0.0.1:1/elsewhere, which replay does not follow") || !strings.HasSuffix(stdout, "\n1 event sent, 1 reply failed\n") {
		t.Fatalf("a redirect: exit %d\n%s", code, stdout)
	}
}

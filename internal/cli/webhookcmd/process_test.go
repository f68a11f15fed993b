//go:build unix

package webhookcmd_test

import (
	"bufio"
	"context"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

// TestMain runs `listen` as a process of its own when asked to, so that a
// test can give it a real pipe as stdout.
func TestMain(m *testing.M) {
	if os.Getenv("JIVOKIT_TEST_LISTEN") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := webhookcmd.Run(ctx, os.Stdin, os.Stdout, os.Stderr, os.Args[1:])
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// listenProcess starts `listen -log logFile` as a process with stdout and
// returns its URL, its stderr, and a function that interrupts it and
// returns its exit code.
func listenProcess(t *testing.T, stdout *os.File, logFile string) (url string, stderr *testtool.Buffer, stop func() int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "listen", "-addr", "127.0.0.1:0", "-log", logFile)
	cmd.Env = append(os.Environ(), "JIVOKIT_TEST_LISTEN=1")
	stderr = &testtool.Buffer{}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stdout.Close() // the child's copy remains
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	stop = func() int {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
			return cmd.ProcessState.ExitCode()
		case <-time.After(10 * time.Second):
			t.Fatalf("listen did not stop on an interrupt:\n%s", stderr)
			return -1
		}
	}
	re := regexp.MustCompile(`msg=listening url=(http://\S+)`)
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr, stop
		}
		select {
		case <-exited:
			t.Fatalf("listen exited:\n%s", stderr)
		default:
		}
	}
	t.Fatalf("listen did not start:\n%s", stderr)
	return "", nil, nil
}

// TestListenProcessStdoutClosed is `listen | head -1`: once the reader of
// stdout is gone, events are still logged and answered, and listen says
// how many lines it could not show.
func TestListenProcessStdoutClosed(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	u, stderr, stop := listenProcess(t, w, logFile)
	postMany(t, u, 1)
	r.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "#1 ") {
		t.Fatalf("first line %q: %v", line, err)
	}
	r.Close()
	postMany(t, u, 50)
	if code := stop(); code != 0 {
		t.Fatalf("listen exited %d:\n%s", code, stderr)
	}
	if got := countLines(t, logFile); got != 51 {
		t.Fatalf("%d events logged, want 51", got)
	}
	if !strings.Contains(stderr.String(), "not_shown=50") {
		t.Fatalf("listen did not say that 50 lines were not shown:\n%s", stderr)
	}
}

// TestListenProcessStdoutNotRead gives listen a pipe that nobody reads.
func TestListenProcessStdoutNotRead(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	u, stderr, stop := listenProcess(t, w, logFile)
	// A pipe holds 64 KiB: more than fills it and the view's buffer.
	n := (64<<10 + eventlog.ViewBuffer) / 100
	postMany(t, u, n)
	if code := stop(); code != 0 {
		t.Fatalf("listen exited %d:\n%s", code, stderr)
	}
	if got := countLines(t, logFile); got != n {
		t.Fatalf("%d events logged, want %d", got, n)
	}
	if !regexp.MustCompile(`not_shown=[1-9]`).MatchString(stderr.String()) {
		t.Fatalf("listen did not say how many lines were not shown:\n%s", stderr)
	}
}

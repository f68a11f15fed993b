package serve_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/serve"
)

// gate blocks writes until opened, then records them.
type gate struct {
	open chan struct{}
	mu   sync.Mutex
	b    strings.Builder
	err  error
}

func (g *gate) Write(p []byte) (int, error) {
	<-g.open
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil {
		return 0, g.err
	}
	g.b.Write(p)
	return len(p), nil
}

func TestLogWriterDropsAndCountsWhenNotRead(t *testing.T) {
	g := &gate{open: make(chan struct{})}
	q := serve.NewLogWriter(g)
	line := strings.Repeat("x", 999) + "\n"
	n := 2 * serve.LogBuffer / len(line)
	start := time.Now()
	for range n {
		if k, err := q.Write([]byte(line)); k != len(line) || err != nil {
			t.Fatalf("Write = %d, %v", k, err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("writing to an output nobody reads took %v", d)
	}
	dropped := q.Dropped()
	if dropped == 0 || dropped >= uint64(n) {
		t.Fatalf("%d of %d lines dropped", dropped, n)
	}
	q.Write([]byte("last\n"))
	close(g.open)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := q.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	out := g.b.String()
	if want := "log lines dropped: the output was not read in time)\nlast\n"; !strings.HasSuffix(out, want) {
		t.Fatalf("output ends %q, want the count of dropped lines before the last line", out[max(0, len(out)-100):])
	}
	if got := uint64(strings.Count(out, line)); got+dropped != uint64(n) {
		t.Fatalf("%d written + %d dropped != %d", got, dropped, n)
	}
}

func TestLogWriterStopsAfterAFailure(t *testing.T) {
	g := &gate{open: make(chan struct{}), err: errors.New("closed")}
	close(g.open)
	q := serve.NewLogWriter(g)
	q.Write([]byte("a\n"))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	q.Flush(ctx)
	q.Write([]byte("b\n"))
	q.Flush(ctx)
	if got := q.Dropped(); got != 2 {
		t.Fatalf("Dropped = %d, want 2", got)
	}
}

package eventlog

import (
	"context"
	"strconv"
	"sync"
	"unicode/utf8"
)

const (
	// ViewBuffer is how many bytes of readable lines a Log holds for
	// a Print that is slower than the events; lines beyond it are dropped
	// and counted (see Log.Dropped).
	ViewBuffer = 256 << 10
	// maxViewLine is the longest readable line, in bytes.
	maxViewLine = 2000
)

// view writes readable lines to a writer from its own goroutine, so that a
// slow, blocked or closed writer never holds up an event: lines wait in a
// bounded queue, and are dropped and counted when it is full or once the
// writer has failed.
type view struct {
	mu       sync.Mutex
	queue    []viewLine
	queued   int // bytes in queue
	running  bool
	done     chan struct{} // closed when the running goroutine stops
	failed   bool
	dropped  uint64 // lines not printed, in all
	skipping uint64 // lines dropped since the last one queued
}

type viewLine struct {
	text    []byte
	skipped uint64 // lines dropped just before this one
}

// add queues line for w, or drops it.
func (v *view) add(w interface{ Write([]byte) (int, error) }, line []byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.failed || v.queued+len(line) > ViewBuffer {
		v.dropped++
		v.skipping++
		return
	}
	v.queue = append(v.queue, viewLine{line, v.skipping})
	v.queued += len(line)
	v.skipping = 0
	if !v.running {
		v.running = true
		v.done = make(chan struct{})
		go v.run(w, v.done)
	}
}

// run prints the queued lines and stops when the queue is empty.
func (v *view) run(w interface{ Write([]byte) (int, error) }, done chan struct{}) {
	defer close(done)
	for {
		v.mu.Lock()
		if len(v.queue) == 0 || v.failed {
			v.running = false
			v.mu.Unlock()
			return
		}
		l := v.queue[0]
		v.queue[0] = viewLine{}
		v.queue = v.queue[1:]
		v.queued -= len(l.text)
		v.mu.Unlock()

		var err error
		if l.skipped > 0 {
			_, err = w.Write([]byte("(" + strconv.FormatUint(l.skipped, 10) + " events not shown here: the output was not read in time; the event log has them)\n"))
		}
		if err == nil {
			_, err = w.Write(l.text)
		}
		if err != nil {
			v.mu.Lock()
			v.failed = true
			n := uint64(len(v.queue)) + 1
			v.dropped += n
			v.queue, v.queued = nil, 0
			v.mu.Unlock()
		}
	}
}

// flush waits until the queued lines are written, or ctx ends.
func (v *view) flush(ctx context.Context) error {
	v.mu.Lock()
	running, done := v.running, v.done
	v.mu.Unlock()
	if !running {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (v *view) droppedLines() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.dropped
}

// clipLine shortens s to at most n bytes, on a rune boundary, marking the
// cut with "…".
func clipLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Package linequeue writes lines to an output from a goroutine of its own,
// so that an output nobody reads (a full pipe, a terminal paused with
// Ctrl-S, a slow or closed writer) never holds up the program that writes
// them: lines wait in a bounded queue, and are dropped and counted when it
// is full or once the output has failed.
package linequeue

import (
	"context"
	"io"
	"sync"
)

// DefaultLimit is the bytes a Queue holds when its Limit is 0.
const DefaultLimit = 256 << 10

// Queue is a bounded queue of lines for an output. Its zero value is
// ready to use. It is safe for concurrent use; set Limit and Note before
// the first Add.
type Queue struct {
	// Limit is how many bytes of lines wait for the output at most; lines
	// beyond it are dropped. 0 means DefaultLimit.
	Limit int
	// Note is the line written before the next line after skipped lines
	// were dropped; nil writes none.
	Note func(skipped uint64) string

	mu       sync.Mutex
	queue    []line
	queued   int  // bytes in queue
	running  bool // a goroutine is writing
	done     chan struct{}
	failed   bool
	dropped  uint64 // lines not written, in all
	skipping uint64 // lines dropped since the last one queued
}

type line struct {
	text    []byte
	skipped uint64 // lines dropped just before this one
}

// Add queues a copy of p, one line or a few whole ones, for w, or drops it.
// The goroutine that writes writes to the w of the Add that started it.
func (q *Queue) Add(w io.Writer, p []byte) {
	limit := q.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.failed || q.queued+len(p) > limit {
		q.dropped++
		q.skipping++
		return
	}
	q.queue = append(q.queue, line{append([]byte(nil), p...), q.skipping})
	q.queued += len(p)
	q.skipping = 0
	if !q.running {
		q.running = true
		q.done = make(chan struct{})
		go q.run(w, q.done)
	}
}

// run writes the queued lines and stops when the queue is empty.
func (q *Queue) run(w io.Writer, done chan struct{}) {
	defer close(done)
	for {
		q.mu.Lock()
		if len(q.queue) == 0 || q.failed {
			q.running = false
			q.mu.Unlock()
			return
		}
		l := q.queue[0]
		q.queue[0] = line{}
		q.queue = q.queue[1:]
		q.queued -= len(l.text)
		q.mu.Unlock()

		var err error
		if l.skipped > 0 && q.Note != nil {
			_, err = io.WriteString(w, q.Note(l.skipped))
		}
		if err == nil {
			_, err = w.Write(l.text)
		}
		if err != nil {
			q.mu.Lock()
			q.failed = true
			q.dropped += uint64(len(q.queue)) + 1
			q.queue, q.queued = nil, 0
			q.mu.Unlock()
		}
	}
}

// Flush waits until the lines queued so far are written, or ctx ends.
func (q *Queue) Flush(ctx context.Context) error {
	q.mu.Lock()
	running, done := q.running, q.done
	q.mu.Unlock()
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

// Dropped returns how many lines were not written.
func (q *Queue) Dropped() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped
}

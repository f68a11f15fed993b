package serve

import (
	"context"
	"io"
	"strconv"
	"sync"
)

// LogBuffer is how many bytes of log lines a LogWriter holds for an output
// slower than the server.
const LogBuffer = 256 << 10

// LogWriter passes log lines to an output (a command's stderr) from a
// goroutine of its own, so that an output nobody reads (a full pipe, a
// terminal paused with Ctrl-S) never holds up a request or a shutdown.
// Each Write is one line, or a few whole ones, as a logger writes them: it
// is queued, up to LogBuffer bytes; beyond that, lines are dropped and
// counted, and the next line written is preceded by one that says how many
// are missing. Once a write to the output fails, the rest are dropped.
// Write never blocks and never fails. It is safe for concurrent use.
type LogWriter struct {
	out      io.Writer
	mu       sync.Mutex
	queue    [][]byte
	queued   int  // bytes in queue
	running  bool // a goroutine is writing
	done     chan struct{}
	failed   bool
	dropped  uint64 // lines not written, in all
	skipping uint64 // lines dropped since the last one queued
}

// NewLogWriter returns a LogWriter to out.
func NewLogWriter(out io.Writer) *LogWriter { return &LogWriter{out: out} }

// Write queues a copy of p, or drops it. It returns len(p), nil.
func (q *LogWriter) Write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var note []byte
	if q.skipping > 0 {
		note = []byte("(" + strconv.FormatUint(q.skipping, 10) + " log lines dropped: the output was not read in time)\n")
	}
	if q.failed || q.queued+len(note)+len(p) > LogBuffer {
		q.dropped++
		q.skipping++
		return len(p), nil
	}
	line := append(note, p...)
	q.queue = append(q.queue, line)
	q.queued += len(line)
	q.skipping = 0
	if !q.running {
		q.running = true
		q.done = make(chan struct{})
		go q.run(q.done)
	}
	return len(p), nil
}

// run writes the queued lines and stops when the queue is empty.
func (q *LogWriter) run(done chan struct{}) {
	defer close(done)
	for {
		q.mu.Lock()
		if len(q.queue) == 0 || q.failed {
			q.running = false
			q.mu.Unlock()
			return
		}
		line := q.queue[0]
		q.queue[0] = nil
		q.queue = q.queue[1:]
		q.queued -= len(line)
		q.mu.Unlock()
		if _, err := q.out.Write(line); err != nil {
			q.mu.Lock()
			q.failed = true
			q.dropped += uint64(len(q.queue)) + 1
			q.queue, q.queued = nil, 0
			q.mu.Unlock()
		}
	}
}

// Flush waits until the lines queued so far are written, or ctx ends; a
// program calls it before it exits, with a deadline.
func (q *LogWriter) Flush(ctx context.Context) error {
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
func (q *LogWriter) Dropped() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped
}

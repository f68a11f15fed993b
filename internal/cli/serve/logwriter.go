package serve

import (
	"context"
	"io"
	"strconv"

	"github.com/jivokit/jivokit/internal/lib/linequeue"
)

// LogBuffer is how many bytes of log lines a LogWriter holds for an output
// slower than the server.
const LogBuffer = linequeue.DefaultLimit

// LogWriter passes log lines to an output (a command's stderr) from a
// goroutine of its own, so that an output nobody reads (a full pipe, a
// terminal paused with Ctrl-S) never holds up a request or a shutdown.
// Each Write is one line, or a few whole ones, as a logger writes them: it
// is queued, up to LogBuffer bytes; beyond that, lines are dropped and
// counted, and the next line written is preceded by one that says how many
// are missing. Once a write to the output fails, the rest are dropped.
// Write never blocks and never fails. It is safe for concurrent use.
type LogWriter struct {
	out io.Writer
	q   linequeue.Queue
}

// NewLogWriter returns a LogWriter to out.
func NewLogWriter(out io.Writer) *LogWriter {
	return &LogWriter{out: out, q: linequeue.Queue{Limit: LogBuffer, Note: func(n uint64) string {
		return "(" + strconv.FormatUint(n, 10) + " log lines dropped: the output was not read in time)\n"
	}}}
}

// Write queues a copy of p, or drops it. It returns len(p), nil.
func (w *LogWriter) Write(p []byte) (int, error) {
	w.q.Add(w.out, p)
	return len(p), nil
}

// Flush waits until the lines queued so far are written, or ctx ends; a
// program calls it before it exits, with a deadline.
func (w *LogWriter) Flush(ctx context.Context) error { return w.q.Flush(ctx) }

// Dropped returns how many lines were not written.
func (w *LogWriter) Dropped() uint64 { return w.q.Dropped() }

package webhook

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// deadlineCtx is the context a function gets: its parent with the handler's
// deadline. It behaves as context.WithDeadline's, but starts that context
// (and its timer) only when something waits on it or the deadline has
// passed, so a function that never waits costs no timer.
type deadlineCtx struct {
	context.Context // the parent
	deadline        time.Time
	started         atomic.Bool
	released        atomic.Bool
	mu              sync.Mutex
	ctx             context.Context // context.WithDeadline(parent, deadline), once started
	cancel          context.CancelFunc
}

func withDeadline(parent context.Context, d time.Time) *deadlineCtx {
	return &deadlineCtx{Context: parent, deadline: d}
}

// timed returns the real deadline context, starting it the first time.
func (c *deadlineCtx) timed() context.Context {
	if c.started.Load() {
		return c.ctx
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancel = context.WithDeadline(c.Context, c.deadline)
		if c.released.Load() {
			c.cancel()
		}
		c.started.Store(true)
	}
	return c.ctx
}

// over reports whether the context is done for its own reasons: released,
// or past its deadline.
func (c *deadlineCtx) over() bool {
	return c.released.Load() || !time.Now().Before(c.deadline)
}

func (c *deadlineCtx) Deadline() (time.Time, bool) {
	if d, ok := c.Context.Deadline(); ok && d.Before(c.deadline) {
		return d, true
	}
	return c.deadline, true
}

func (c *deadlineCtx) Done() <-chan struct{} { return c.timed().Done() }

func (c *deadlineCtx) Err() error {
	if c.started.Load() || c.over() {
		return c.timed().Err()
	}
	return c.Context.Err()
}

// Value answers as the started context would, so that context.Cause agrees
// with Err.
func (c *deadlineCtx) Value(key any) any {
	if c.started.Load() || c.over() {
		return c.timed().Value(key)
	}
	return c.Context.Value(key)
}

// release cancels the context, as the CancelFunc of context.WithDeadline.
func (c *deadlineCtx) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.released.Store(true)
	if c.cancel != nil {
		c.cancel()
	}
}

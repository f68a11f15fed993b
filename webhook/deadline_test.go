package webhook

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestDeadlineCtxActsAsWithDeadline checks the lazily timed context against
// what context.WithDeadline gives in the same situations.
func TestDeadlineCtxActsAsWithDeadline(t *testing.T) {
	type key struct{}
	parent := context.WithValue(context.Background(), key{}, "v")
	t.Run("before the deadline", func(t *testing.T) {
		c := withDeadline(parent, time.Now().Add(time.Hour))
		defer c.release()
		if c.Err() != nil || context.Cause(c) != nil || c.Value(key{}) != "v" {
			t.Fatalf("Err %v, Cause %v, Value %v", c.Err(), context.Cause(c), c.Value(key{}))
		}
		select {
		case <-c.Done():
			t.Fatal("done before the deadline")
		default:
		}
	})
	t.Run("the deadline passes", func(t *testing.T) {
		c := withDeadline(parent, time.Now().Add(20*time.Millisecond))
		defer c.release()
		<-c.Done()
		if !errors.Is(c.Err(), context.DeadlineExceeded) || !errors.Is(context.Cause(c), context.DeadlineExceeded) {
			t.Fatalf("Err %v, Cause %v", c.Err(), context.Cause(c))
		}
	})
	t.Run("past the deadline, never waited on", func(t *testing.T) {
		c := withDeadline(parent, time.Now().Add(-time.Second))
		defer c.release()
		if !errors.Is(context.Cause(c), context.DeadlineExceeded) || !errors.Is(c.Err(), context.DeadlineExceeded) {
			t.Fatalf("Err %v, Cause %v", c.Err(), context.Cause(c))
		}
	})
	t.Run("earlier parent deadline", func(t *testing.T) {
		p, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
		defer cancel()
		c := withDeadline(p, time.Now().Add(time.Hour))
		defer c.release()
		if d, _ := c.Deadline(); time.Until(d) > time.Minute {
			t.Fatalf("deadline in %v, want the parent's", time.Until(d))
		}
	})
	t.Run("parent canceled", func(t *testing.T) {
		p, cancel := context.WithCancelCause(parent)
		c := withDeadline(p, time.Now().Add(time.Hour))
		defer c.release()
		done := c.Done()
		cause := errors.New("gone")
		cancel(cause)
		<-done
		if !errors.Is(c.Err(), context.Canceled) || context.Cause(c) != cause {
			t.Fatalf("Err %v, Cause %v", c.Err(), context.Cause(c))
		}
	})
	for _, waited := range []bool{true, false} {
		c := withDeadline(parent, time.Now().Add(time.Hour))
		if waited {
			_ = c.Done()
		}
		c.release()
		<-c.Done()
		if !errors.Is(c.Err(), context.Canceled) || !errors.Is(context.Cause(c), context.Canceled) {
			t.Fatalf("released (waited on before: %v): Err %v, Cause %v", waited, c.Err(), context.Cause(c))
		}
	}
}

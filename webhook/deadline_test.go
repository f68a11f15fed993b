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

// BenchmarkDeadlineRatio measures what the lazily timed context saves per
// request against context.WithTimeout, the two interleaved in rounds in
// the same run: created with the handler's deadline, then released, with a
// function that never waits on it ("unwaited") and one that does, as any
// call that takes the context to a network or database client does
// ("waited"). It reports ns per request of each and lazy/std, the lazy
// context's time as a fraction of the standard one's.
//
//	go test -run '^$' -bench DeadlineRatio -count 5 ./webhook/
func BenchmarkDeadlineRatio(b *testing.B) {
	// The parent is cancelable, as the request's context a server gives
	// is: context.WithTimeout registers with it, the lazy context does
	// not until it is waited on.
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, waited := range []bool{false, true} {
		name := "unwaited"
		if waited {
			name = "waited"
		}
		b.Run(name, func(b *testing.B) {
			lazy := func() {
				c := withDeadline(parent, time.Now().Add(DefaultTimeout))
				if waited {
					_ = c.Done()
				}
				_ = c.Err()
				c.release()
			}
			std := func() {
				c, cancel := context.WithTimeout(parent, DefaultTimeout)
				if waited {
					_ = c.Done()
				}
				_ = c.Err()
				cancel()
			}
			const round = 1000
			var tLazy, tStd time.Duration
			b.ReportAllocs()
			for done := 0; done < b.N; done += round {
				n := min(round, b.N-done)
				start := time.Now()
				for range n {
					lazy()
				}
				mid := time.Now()
				for range n {
					std()
				}
				tLazy, tStd = tLazy+mid.Sub(start), tStd+time.Since(mid)
			}
			b.ReportMetric(float64(tLazy.Nanoseconds())/float64(b.N), "lazy-ns/req")
			b.ReportMetric(float64(tStd.Nanoseconds())/float64(b.N), "std-ns/req")
			b.ReportMetric(tLazy.Seconds()/tStd.Seconds(), "lazy/std")
			b.ReportMetric(0, "ns/op")
		})
	}
}

package testtool

import (
	"runtime"
	"testing"
)

// TestMissing checks the rule: skipped without CI, failed with it.
func TestMissing(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Run("CI="+ci, func(t *testing.T) {
			t.Setenv("CI", ci)
			rec := &recorder{TB: t}
			done := make(chan struct{})
			// A goroutine stands in for the test: Skip and Fatal end it.
			go func() {
				defer close(done)
				Missing(rec, "tool not found")
			}()
			<-done
			if rec.skipped != (ci == "") || rec.failed != (ci != "") {
				t.Fatalf("skipped %v, failed %v with CI=%q", rec.skipped, rec.failed, ci)
			}
		})
	}
}

// recorder is a testing.TB whose Skip and Fatal record the call and end the
// calling goroutine, as the real ones do.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()      {}
func (r *recorder) Skip(...any)  { r.skipped = true; runtime.Goexit() }
func (r *recorder) Fatal(...any) { r.failed = true; runtime.Goexit() }

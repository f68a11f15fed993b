package eventlog_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// BenchmarkEventLogSync measures what Sync costs: events recorded per
// second into a file, without and with a disk flush per event, from one
// sender and from many at once. The ratio between the two is the figure
// that counts; the absolute one depends on the disk.
func BenchmarkEventLogSync(b *testing.B) {
	ev, err := webhook.Decode(webhooktest.Payload(b, webhook.NameChatAccepted))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name     string
		sync     bool
		parallel bool
	}{{"write", false, false}, {"write+sync", true, false}, {"write/parallel", false, true}, {"write+sync/parallel", true, true}} {
		b.Run(bc.name, func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "events.jsonl"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			log := &eventlog.Log{Out: f, Sync: bc.sync}
			record := func() {
				if _, err := log.Record(ev); err != nil {
					b.Error(err)
				}
			}
			b.ResetTimer()
			if bc.parallel {
				b.SetParallelism(4)
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						record()
					}
				})
			} else {
				for b.Loop() {
					record()
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

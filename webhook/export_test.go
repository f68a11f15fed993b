package webhook

import "time"

// SetLingerTime shortens how long a body over the limit is discarded for,
// for a test; the returned function restores it.
func SetLingerTime(d time.Duration) (restore func()) {
	old := lingerTime
	lingerTime = d
	return func() { lingerTime = old }
}

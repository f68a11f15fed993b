package stub

import (
	"fmt"
	"strconv"
	"time"
)

// Options reproduce the ways a real widget loads, for tests. The zero value
// is a widget that loads on the next tick, online, with calls enabled.
type Options struct {
	// LoadDelay is how long the widget takes to load: jivo_api appears and
	// jivo_onLoadCallback is called after it. At most MaxLoadDelay; it is
	// rounded up to whole milliseconds.
	LoadDelay time.Duration
	// Offline makes chatMode answer "offline" (no agent available).
	Offline bool
	// CallbacksDisabled makes isCallbackEnabled and startCall answer
	// {result:'fail', reason:'Callback disabled'}.
	CallbacksDisabled bool
	// NeverLoad keeps the widget from ever loading, as when the vendor's
	// script is blocked; jivokitStub.load() loads it on demand.
	NeverLoad bool
}

// MaxLoadDelay is the longest LoadDelay.
const MaxLoadDelay = time.Hour

// Error is an error of this package; the constants below are its sentinels.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrNegativeDelay: Options.LoadDelay is below zero.
	ErrNegativeDelay Error = "stub: negative load delay"
	// ErrDelayTooLong: Options.LoadDelay is above MaxLoadDelay.
	ErrDelayTooLong Error = "stub: load delay too long"
)

// Validate reports a LoadDelay out of range, wrapping ErrNegativeDelay or
// ErrDelayTooLong.
func (o Options) Validate() error {
	switch {
	case o.LoadDelay < 0:
		return fmt.Errorf("%w: %v (use 0 to load on the next tick)", ErrNegativeDelay, o.LoadDelay)
	case o.LoadDelay > MaxLoadDelay:
		return fmt.Errorf("%w: %v (at most %v)", ErrDelayTooLong, o.LoadDelay, MaxLoadDelay)
	}
	return nil
}

// Attrs returns the data-* attributes of the stub's <script> element that
// carry o: data-load-delay (milliseconds, when not zero), and
// data-offline, data-callbacks-disabled, data-never-load (value "true",
// only when set). The zero Options give an empty map. Call Validate first:
// a delay out of range is clamped to 0 or MaxLoadDelay here.
func (o Options) Attrs() map[string]string {
	attrs := make(map[string]string, 4)
	if d := min(max(o.LoadDelay, 0), MaxLoadDelay); d > 0 {
		ms := d / time.Millisecond
		if d%time.Millisecond != 0 {
			ms++
		}
		attrs["data-load-delay"] = strconv.FormatInt(int64(ms), 10)
	}
	if o.Offline {
		attrs["data-offline"] = "true"
	}
	if o.CallbacksDisabled {
		attrs["data-callbacks-disabled"] = "true"
	}
	if o.NeverLoad {
		attrs["data-never-load"] = "true"
	}
	return attrs
}

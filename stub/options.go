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
	// ExtraBytes makes the stub weigh what a real widget weighs on the
	// wire: before it loads, it fetches that many more bytes of script
	// (WeightPath, served by Handler, next to the stub's own URL). At most
	// MaxExtraBytes. TypicalExtraBytes is a real widget's.
	ExtraBytes int
	// Strict makes the stub refuse what jivokit only advises against (a
	// phone number with an extension, a relative link), as the Go side's
	// strict modes do; by default it takes it, with a warning on the
	// call's record and in its panel: the vendor documents no such rule.
	Strict bool
	// OfflineSend makes sendOfflineMessage send the message at once, as
	// the vendor's reference says. By default it fills in the offline form
	// and opens the chat window, and the visitor sends it
	// (jivokitStub.visitorSendOfflineForm), as the newer docs say.
	OfflineSend bool
	// BusyTime is main-thread work the stub does when it loads, in long
	// tasks of at most 150 ms each, as a real widget's start-up
	// (TypicalBusyTime). Whole milliseconds, at most MaxLoadDelay.
	BusyTime time.Duration
}

// MaxLoadDelay is the longest LoadDelay.
const MaxLoadDelay = time.Hour

// MaxExtraBytes is the largest ExtraBytes.
const MaxExtraBytes = 16 << 20

// A real chat widget's weight, for ExtraBytes and BusyTime. Published
// figures: the chat vendor Crisp calls its 232 KB compressed "the
// lightest chatbox on the market" where other providers load up to a
// megabyte, and one site's measurement of a chat widget found +1 s of
// total blocking time. The defaults sit between: 400 KB of script and
// 600 ms of start-up work (four 150 ms long tasks, 400 ms of blocking
// time), conservative for the vendor's widget, which also loads frames,
// styles and fonts.
const (
	TypicalExtraBytes = 400 << 10
	TypicalBusyTime   = 600 * time.Millisecond
)

// Error is an error of this package; the constants below are its sentinels.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrNegativeDelay: Options.LoadDelay is below zero.
	ErrNegativeDelay Error = "stub: negative load delay"
	// ErrDelayTooLong: Options.LoadDelay is above MaxLoadDelay.
	ErrDelayTooLong Error = "stub: load delay too long"
	// ErrWeight: Options.ExtraBytes or BusyTime is out of range.
	ErrWeight Error = "stub: weight out of range"
)

// Validate reports a LoadDelay out of range, wrapping ErrNegativeDelay or
// ErrDelayTooLong.
func (o Options) Validate() error {
	switch {
	case o.LoadDelay < 0:
		return fmt.Errorf("%w: %v (use 0 to load on the next tick)", ErrNegativeDelay, o.LoadDelay)
	case o.LoadDelay > MaxLoadDelay:
		return fmt.Errorf("%w: %v (at most %v)", ErrDelayTooLong, o.LoadDelay, MaxLoadDelay)
	case o.ExtraBytes < 0 || o.ExtraBytes > MaxExtraBytes:
		return fmt.Errorf("%w: ExtraBytes %d (from 0 to %d)", ErrWeight, o.ExtraBytes, MaxExtraBytes)
	case o.BusyTime < 0 || o.BusyTime > MaxLoadDelay:
		return fmt.Errorf("%w: BusyTime %v (from 0 to %v)", ErrWeight, o.BusyTime, MaxLoadDelay)
	}
	return nil
}

// Attrs returns the data-* attributes of the stub's <script> element that
// carry o: data-load-delay (milliseconds, when not zero), and
// data-offline, data-callbacks-disabled, data-never-load (value "true",
// only when set), data-extra-bytes and data-busy-ms (when not zero). The zero Options give an empty map. Call Validate first:
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
	if o.Strict {
		attrs["data-strict"] = "true"
	}
	if o.OfflineSend {
		attrs["data-offline-message"] = "send"
	}
	if n := min(max(o.ExtraBytes, 0), MaxExtraBytes); n > 0 {
		attrs["data-extra-bytes"] = strconv.Itoa(n)
	}
	if d := min(max(o.BusyTime, 0), MaxLoadDelay); d >= time.Millisecond {
		attrs["data-busy-ms"] = strconv.FormatInt(int64(d/time.Millisecond), 10)
	}
	return attrs
}

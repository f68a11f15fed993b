package stub

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi"
)

// Options reproduce the ways a real widget loads, for tests. The zero value
// is widget DefaultWidgetID, online, with calls enabled, that loads the
// vendor's way once the page has loaded: a config and a status request and
// the bundle, DefaultLatency each, then the bundle's inline script in its
// iframe (docs/stub.md).
type Options struct {
	// LoadDelay is how much longer the widget takes to load: the wait
	// between the page being ready and the config request, so jivo_api
	// appears and jivo_onLoadCallback is called that much later. At most
	// MaxLoadDelay; it is rounded up to whole milliseconds.
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

	// WidgetID is the widget's id (data-jv-id), DefaultWidgetID when
	// empty. It follows the vendor's rule (jsapi.ValidWidgetID): an id the
	// vendor's loader refuses makes the stub write "Widget id is not
	// valid." to the console and load nothing, and Validate refuse it.
	WidgetID string
	// Locale is the channel's language, the bundle's name
	// (js/bundle_<locale>.js): "en" when empty; two lower-case letters,
	// optionally _ and a region ("pt_BR").
	Locale string
	// Failure makes the widget silently never load, the way the vendor's
	// does (see Failures); empty for none.
	Failure Failure
	// BundleWait sets the config's enable_bundle_wait: the bundle waits
	// for the visitor's first scroll or mousemove, or 5 s.
	BundleWait bool
	// Cached makes the bundle count as loaded on an earlier visit (as
	// localStorage jv_loader_info_<id> does): on a page still loading the
	// stub waits for DOMContentLoaded instead of the load event.
	Cached bool
	// Fast drops the latency (DefaultLatency) the stub waits before each
	// request; every other step stays.
	Fast bool
	// InPage makes the stub produce its config, status and bundle in the
	// page instead of requesting them from Handler (StaticScript does so
	// always). Every other step stays: the page wait, the latency, the
	// iframe and its inline script.
	InPage bool
	// StopWords are the config's stop words: one of them in the page's
	// title or meta description/keywords stops the load with the
	// console error "Init error, code 1015". No word may be empty or hold
	// a comma.
	StopWords []string
}

// Failure names one of the vendor's silent no-load paths: the script
// answers, and jivo_onLoadCallback never fires.
type Failure string

const (
	// FailDeleted: the config says the widget was deleted; the browser
	// remembers it for 7 days (localStorage) and loads nothing meanwhile.
	FailDeleted Failure = "deleted"
	// FailMobileDisabled: the config's disable_mobile; nothing loads
	// under a mobile user agent.
	FailMobileDisabled Failure = "mobile-disabled"
	// FailHostBlacklisted: the page's host is in the config's
	// host_blacklist.
	FailHostBlacklisted Failure = "host-blacklisted"
	// FailCSPBlocked: the bundle is refused as a Content-Security-Policy
	// refuses it (never requested); after 5 tries the console says
	// "Widget not loaded due CSP security policy.".
	FailCSPBlocked Failure = "csp-blocked"
	// FailConfig: the config request fails; the stub gives up after 5
	// tries.
	FailConfig Failure = "config-failing"
	// FailMaintenance: the status request answers 480 (maintenance).
	FailMaintenance Failure = "maintenance"
)

// Failures lists every Failure, in the order the documentation gives.
func Failures() []Failure {
	return []Failure{FailDeleted, FailMobileDisabled, FailHostBlacklisted, FailCSPBlocked, FailConfig, FailMaintenance}
}

// Validate reports a Failure that names none, wrapping ErrFailure.
func (f Failure) Validate() error {
	if f == "" {
		return nil
	}
	for _, x := range Failures() {
		if f == x {
			return nil
		}
	}
	names := make([]string, 0, 6)
	for _, x := range Failures() {
		names = append(names, string(x))
	}
	return fmt.Errorf("%w: %q (one of %s)", ErrFailure, string(f), strings.Join(names, ", "))
}

// DefaultWidgetID is the widget id of a stub that names none.
const DefaultWidgetID = "StubWidget"

// DefaultLatency is how long the stub waits before each of its requests
// (config, status, bundle), unless Options.Fast.
const DefaultLatency = 20 * time.Millisecond

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
	// ErrWidgetID: Options.WidgetID breaks the vendor's rule.
	ErrWidgetID Error = "stub: invalid widget id"
	// ErrFailure: Options.Failure names no failure.
	ErrFailure Error = "stub: unknown failure mode"
	// ErrOption: Options.Locale or StopWords is malformed.
	ErrOption Error = "stub: malformed option"
)

// Validate reports a LoadDelay out of range, wrapping ErrNegativeDelay or
// ErrDelayTooLong; a weight out of range (ErrWeight); a widget id the
// vendor refuses (ErrWidgetID); an unknown Failure (ErrFailure); a
// malformed Locale or stop word (ErrOption).
func (o Options) Validate() error {
	switch {
	case o.WidgetID != "" && !jsapi.ValidWidgetID(o.WidgetID):
		return fmt.Errorf("%w: %q: %s", ErrWidgetID, o.WidgetID, jsapi.WidgetIDRule)
	case o.Failure.Validate() != nil:
		return o.Failure.Validate()
	case o.Locale != "" && !validLocale(o.Locale):
		return fmt.Errorf("%w: Locale %q is not a locale such as en or pt_BR", ErrOption, o.Locale)
	}
	for _, w := range o.StopWords {
		if strings.TrimSpace(w) == "" || strings.Contains(w, ",") {
			return fmt.Errorf("%w: stop word %q is empty or holds a comma", ErrOption, w)
		}
	}
	switch {
	case o.LoadDelay < 0:
		return fmt.Errorf("%w: %v (use 0 for no extra delay)", ErrNegativeDelay, o.LoadDelay)
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
// only when set), data-extra-bytes and data-busy-ms (when not zero),
// data-jv-id, data-locale, data-failure, data-stop-words (when set),
// data-bundle-wait, data-cached, data-fast and data-in-page ("true" when
// set). The zero
// Options give an empty map. Call Validate first: a delay out of range is
// clamped to 0 or MaxLoadDelay here, and other values are written as they
// are (the stub reports a bad one on the page's console).
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
	if o.WidgetID != "" {
		attrs["data-jv-id"] = o.WidgetID
	}
	if o.Locale != "" {
		attrs["data-locale"] = o.Locale
	}
	if o.Failure != "" {
		attrs["data-failure"] = string(o.Failure)
	}
	if o.BundleWait {
		attrs["data-bundle-wait"] = "true"
	}
	if o.Cached {
		attrs["data-cached"] = "true"
	}
	if o.Fast {
		attrs["data-fast"] = "true"
	}
	if o.InPage {
		attrs["data-in-page"] = "true"
	}
	if len(o.StopWords) > 0 {
		attrs["data-stop-words"] = strings.Join(o.StopWords, ",")
	}
	return attrs
}

// validLocale: two lower-case letters, optionally _ and two letters.
func validLocale(s string) bool {
	low := func(c byte) bool { return c >= 'a' && c <= 'z' }
	letter := func(c byte) bool { return low(c) || c >= 'A' && c <= 'Z' }
	if len(s) != 2 && len(s) != 5 {
		return false
	}
	if !low(s[0]) || !low(s[1]) {
		return false
	}
	return len(s) == 2 || s[2] == '_' && letter(s[3]) && letter(s[4])
}

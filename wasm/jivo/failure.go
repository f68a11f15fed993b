package jivo

import "errors"

// ErrLoadFailed is matched by every *LoadError: the page runtime's loader
// decided the widget failed to load. errors.Is(err, ErrLoadFailed) holds
// for calls it refused and for Ready and Load.
var ErrLoadFailed = errors.New("jivo: the widget failed to load")

// Why the widget failed to load: LoadError.Reason, the runtime's
// jivokit.failure.reason.
const (
	// ReasonTimeout: it had not loaded within the timeout (the
	// configuration block's load_timeout, 20 s by default, after loading
	// started).
	ReasonTimeout = "timeout"
	// ReasonScriptError: the widget's script did not load (its element's
	// error event: a network error, an ad blocker).
	ReasonScriptError = "script-error"
	// ReasonCSP: the page's Content-Security-Policy (enforced, not
	// report-only) refused the widget's script, a script of the vendor's
	// hosts or the vendor's bundle.
	ReasonCSP = "csp"
)

// LoadError is the error of a call, Ready or Load once the page runtime's
// loader has decided that the widget failed to load (jivokit.phase
// "failed"): calls queued before are refused with it, and so are calls
// made until the widget loads after all. errors.Is(err, ErrLoadFailed)
// matches it; errors.As gives the reason.
type LoadError struct {
	// Method is the method refused, "" for Ready and Load.
	Method string
	// Reason is ReasonTimeout, ReasonScriptError or ReasonCSP (or a
	// newer runtime's reason).
	Reason string
	// Detail says what happened, in words: the timeout, the script's URL,
	// the URL the policy refused.
	Detail string
}

func (e *LoadError) Error() string {
	s := "jivo: "
	if e.Method != "" {
		s += e.Method + ": "
	}
	s += "the widget did not load: " + e.Reason
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Is reports whether target is ErrLoadFailed.
func (e *LoadError) Is(target error) bool { return target == ErrLoadFailed }

package jivo

import (
	"errors"

	"github.com/jivokit/jivokit/jsapi"
)

// ErrNoLife: the page lacks jivokit's life script (templates.WithLife
// adds it) and the bridge could not add it, for instance where a
// Content-Security-Policy refuses inline scripts and eval.
var ErrNoLife = errors.New("jivo: the jivokit life script (hide, show, reset, switchWidget, state) is not on the page and could not be added")

// State is the widget's live state, as jivokit.state has it: what a
// launcher of the page's own draws (OnState, CurrentState).
type State struct {
	Phase  Phase // PhaseLoaded once the widget has loaded
	Open   bool  // the chat window is open (jivo_onOpen, jivo_onClose)
	Online bool  // an agent is there: chatMode() answered "online"
	Unread int   // agents' messages not seen: getUnreadMessagesCount, 0 once opened
}

// ResetOptions says what follows a Reset.
type ResetOptions struct {
	// Load loads the widget again at once, for the next visitor (log-in as
	// another user). Without it the widget stays unloaded, and nothing is
	// fetched, until Load (consent withdrawn, log-out).
	Load bool
	// Token is the next visitor's user token (setUserToken at the next
	// load); empty for an anonymous visitor.
	Token string
	// ContactInfo is the next visitor's contact info, set at the next load.
	ContactInfo *jsapi.ContactInfo
}

// checkReason checks a hide or show reason as the life script does: a
// letter, then letters, digits, '-' and '_', 32 at most.
func checkReason(method, reason string) error {
	ok := len(reason) > 0 && len(reason) <= 32
	for i := 0; ok && i < len(reason); i++ {
		c := reason[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		ok = letter || i > 0 && ('0' <= c && c <= '9' || c == '-' || c == '_')
	}
	if !ok {
		return &jsapi.WidgetError{Method: method, Reason: "reason must be a word of letters, digits, - and _ (at most 32), not " + quoteText(reason)}
	}
	return nil
}

// checkWidgetID checks id by the vendor's rule: all digits, or exactly ten
// letters and digits.
func checkWidgetID(id string) error {
	digits, alnum := id != "", id != ""
	for i := 0; i < len(id); i++ {
		c := id[i]
		d := '0' <= c && c <= '9'
		digits = digits && d
		alnum = alnum && (d || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}
	if digits || alnum && len(id) == 10 {
		return nil
	}
	return &jsapi.WidgetError{Method: "switchWidget", Reason: "Widget id is not valid: " + quoteText(id) + " (all digits, or exactly 10 letters and digits)"}
}

// quoteText quotes s for an error message without package strconv's
// tables.
func quoteText(s string) string { return `"` + s + `"` }

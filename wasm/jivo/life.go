package jivo

import (
	"errors"

	"github.com/jivokit/jivokit/jsapi"
)

// ErrNoLife: the page lacks jivokit's life script, which Hide, Show,
// Reset, SwitchWidget, CurrentState and OnState need: render the widget
// with templates.WithLife (or serve runtime.Life after the runtime).
var ErrNoLife = errors.New("jivo: the jivokit life script (hide, show, reset, switchWidget, state) is not on the page: render it with templates.WithLife")

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

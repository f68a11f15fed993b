package jsapi

// ContactInfo is a visitor's contact details, as setContactInfo takes them.
//
// The widget answers getContactInfo with the name under the key client_name
// and null for what is empty; readers of that answer must accept both
// spellings (the bridge and the stub do).
type ContactInfo struct {
	Name        string `json:"name,omitempty"`
	Email       string `json:"email,omitempty"`
	Phone       string `json:"phone,omitempty"`
	Description string `json:"description,omitempty"`
}

// IsZero reports whether no field is set.
func (c ContactInfo) IsZero() bool { return c == ContactInfo{} }

// CustomField is one entry of the agent's information panel, as
// setCustomData takes it. Content is shown as text (HTML in it is not
// interpreted); Link is only shown when the site's "Safe URL" allows it.
type CustomField struct {
	Content string `json:"content,omitempty"`
	Title   string `json:"title,omitempty"`
	Link    string `json:"link,omitempty"`
	Key     string `json:"key,omitempty"`
}

// OpenStart says what open shows first.
type OpenStart string

// What open can show first; the zero value opens the chat.
const (
	StartDefault OpenStart = ""
	StartChat    OpenStart = "chat"
	StartCall    OpenStart = "call"
	StartMenu    OpenStart = "menu"
)

// OpenOptions are the options of open. The zero value opens the chat.
type OpenOptions struct {
	Start OpenStart `json:"start,omitempty"`
}

// ChatState is the state of the widget window, as jivo_onChangeState reports it.
type ChatState string

// The widget states the reference names.
const (
	StateChat     ChatState = "chat"      // the chat window is open
	StateCall     ChatState = "call"      // the callback form is open
	StateChatCall ChatState = "chat/call" // the callback form is open over the chat
	StateLabel    ChatState = "label"     // minimized to the label
	StateChatMin  ChatState = "chat/min"  // the chat is minimized
)

// Known reports whether s is one of the states the reference names.
func (s ChatState) Known() bool {
	switch s {
	case StateChat, StateCall, StateChatCall, StateLabel, StateChatMin:
		return true
	}
	return false
}

// Minimized reports whether the widget is shown as a label or minimized chat.
func (s ChatState) Minimized() bool { return s == StateLabel || s == StateChatMin }

// CallForm reports whether the callback form is open.
func (s ChatState) CallForm() bool { return s == StateCall || s == StateChatCall }

// ChatMode is whether agents are available, as chatMode answers.
type ChatMode string

// The chat modes.
const (
	ModeOnline  ChatMode = "online"
	ModeOffline ChatMode = "offline"
)

// CallResult is the argument of jivo_onCallEnd. The reference makes it
// optional: a widget that calls jivo_onCallEnd without one (or with an
// object without result) gives a CallResult with Missing set, which is
// neither a success nor a failure the widget reported.
type CallResult struct {
	OK      bool   // the call ended successfully
	Reason  string // why it failed, as the widget wrote it; empty when OK or Missing
	Missing bool   // no result was given: whether the call succeeded is unknown
}

// Err returns nil for a successful call, an error matching ErrNoCallResult
// (errors.Is) when no result was given, and a *WidgetError with the reason
// otherwise.
func (r CallResult) Err() error {
	switch {
	case r.OK:
		return nil
	case r.Missing:
		return &WidgetError{Method: "call", Reason: reasonNoResult}
	}
	return &WidgetError{Method: "call", Reason: r.Reason}
}

// OfflineMessage is what sendOfflineMessage sends.
type OfflineMessage struct {
	Name        string `json:"name,omitempty"`
	Email       string `json:"email,omitempty"`
	Phone       string `json:"phone,omitempty"`
	Description string `json:"description,omitempty"`
	Message     string `json:"message"`
}

// UTM is the campaign data getUtm answers, and utm_json in webhooks.
type UTM struct {
	Source   string `json:"source,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	Content  string `json:"content,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Term     string `json:"term,omitempty"`
}

// Invitation is a proactive invitation: the text shown, and optionally the
// department that answers it (0 for none).
type Invitation struct {
	Text         string `json:"text"`
	DepartmentID int    `json:"department_id,omitempty"`
}

// Rules is the trigger rules object setRules takes, as JSON text. jivokit
// does not interpret it; the admin panel's "JSON structure" button shows one.
type Rules []byte

// WidgetColor is the widget's colour, and optionally a second colour that
// makes a gradient. Both are hex colours such as "#1e88e5" or "#fff".
type WidgetColor struct {
	Color  string `json:"color"`
	Color2 string `json:"color2,omitempty"`
}

// ClientAttributes maps attribute ids from the admin panel to values: text
// attributes take strings, number attributes numbers (any Go integer or
// float type).
type ClientAttributes map[string]any

// PageTitle is what sendPageTitle reports: the title, and optionally the URL,
// of the page the visitor is on in a single-page app.
type PageTitle struct {
	Title string
	URL   string
}

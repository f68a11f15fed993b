package webhook

import (
	"encoding/json"

	"github.com/jivokit/jivokit/jsapi"
)

// Visitor is what the widget knows about the visitor.
type Visitor struct {
	Name        string          `json:"name,omitempty"`
	Email       string          `json:"email,omitempty"`
	Phone       string          `json:"phone,omitempty"`
	Number      ID              `json:"number,omitempty"` // the visitor's number in the widget
	Description string          `json:"description,omitempty"`
	Social      json.RawMessage `json:"social,omitempty"`      // social network profiles; shape undocumented
	ChatsCount  int             `json:"chats_count,omitempty"` // the visitor's number of chats
}

// Agent is an operator.
type Agent struct {
	ID    ID     `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Department is the department the visitor chose.
type Department struct {
	ID   ID     `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// Session is the visitor's browsing session.
type Session struct {
	GeoIP     GeoIP     `json:"geoip,omitzero"`
	UTM       string    `json:"utm,omitempty"` // deprecated by the vendor: "source=google|medium=cpc|..."
	UTMJSON   jsapi.UTM `json:"utm_json,omitzero"`
	IPAddr    string    `json:"ip_addr,omitempty"`
	UserAgent string    `json:"user_agent,omitempty"`
}

// GeoIP is where the visitor's IP address is.
type GeoIP struct {
	RegionCode   string `json:"region_code,omitempty"`
	Country      string `json:"country,omitempty"`
	CountryCode  string `json:"country_code,omitempty"`
	Region       string `json:"region,omitempty"`
	City         string `json:"city,omitempty"`
	Latitude     Text   `json:"latitude,omitempty"`
	Longitude    Text   `json:"longitude,omitempty"`
	Organization string `json:"organization,omitempty"` // the network's owner
}

// Page is the page the visitor is on.
type Page struct {
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
}

// CallType is the kind of a call.
type CallType string

// The call types the reference names.
const (
	CallCallback CallType = "callback"
	CallIncoming CallType = "incoming"
	CallOutgoing CallType = "outgoing"
)

// CallStatus is the state a call_event reports.
type CallStatus string

// The call statuses the reference names.
const (
	CallStart           CallStatus = "start"
	CallEnd             CallStatus = "end"
	CallAgentConnected  CallStatus = "agent_connected"
	CallClientConnected CallStatus = "client_connected"
	CallError           CallStatus = "error"
)

// Call is a phone call.
type Call struct {
	Type      CallType   `json:"type,omitempty"`
	Phone     string     `json:"phone,omitempty"`
	Status    CallStatus `json:"status,omitempty"`
	Reason    string     `json:"reason,omitempty"`     // set when Status is CallError
	RecordURL string     `json:"record_url,omitempty"` // set when the call has ended
}

// Chat is a finished chat.
type Chat struct {
	Messages    []Message `json:"messages,omitempty"`
	Rate        string    `json:"rate,omitempty"` // "positive", "negative", or "" when not rated
	Blacklisted bool      `json:"blacklisted,omitempty"`
	// Invitation is the text of the proactive invitation that started the
	// chat, "" when none did (a string in the newer documentation; a
	// number is kept as its text, anything else is a Problem and stays in
	// Raw).
	Invitation string `json:"invitation,omitempty"`
}

// Message is one message of a chat.
type Message struct {
	Message     string `json:"message,omitempty"`
	Timestamp   int64  `json:"timestamp,omitempty"` // Unix seconds
	Type        string `json:"type,omitempty"`      // "visitor" or "agent"
	AgentID     ID     `json:"agent_id,omitempty"`  // set when Type is "agent"
	Blacklisted bool   `json:"blacklisted,omitempty"`
}

// Topic is the chat's topic, in newer payloads.
type Topic struct {
	TopicID  ID     `json:"topic_id,omitempty"`
	Title    string `json:"title,omitempty"`
	ParentID ID     `json:"parent_id,omitempty"`
}

// Organization is the client's organization, in newer payloads.
type Organization struct {
	ID   ID     `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// Status is the client's status in the CRM, in newer payloads.
type Status struct {
	ID    ID     `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
}

// Tag is a tag on the client or chat, in newer payloads. A bare string
// decodes as a tag with that title.
type Tag struct {
	ID    ID     `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
}

// UnmarshalJSON accepts an object or a string.
func (t *Tag) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		t.ID = ""
		return json.Unmarshal(b, &t.Title)
	}
	type plain Tag
	return json.Unmarshal(b, (*plain)(t))
}

package webhook

import "encoding/json"

// Name is an event's name, as sent in event_name.
type Name string

// The chat events the reference and the vendor's newer documentation
// name. A CRM event's name is its action followed by its entity
// ("created_deal"); its type says the entity and its Action field the
// action (see CRMBase).
const (
	NameCallEvent              Name = "call_event"
	NameChatAccepted           Name = "chat_accepted"
	NameChatAssigned           Name = "chat_assigned"
	NameChatFinished           Name = "chat_finished"
	NameChatUpdated            Name = "chat_updated"
	NameOfflineMessage         Name = "offline_message" // "offline_messages" is accepted too
	NameClientUpdated          Name = "client_updated"
	NameClientAttributeUpdated Name = "client_attribute_updated"
)

// canonical maps the names the vendor sends to this package's names.
func canonical(name string) Name {
	if name == "offline_messages" {
		return NameOfflineMessage
	}
	return Name(name)
}

// Event is any decoded event: one of the pointer types below, or *Unknown.
type Event interface {
	// Name is the event's canonical name (offline_messages reads as
	// offline_message; Base.EventName keeps what was sent).
	Name() Name
	// Header returns the fields every event may carry.
	Header() *Base
}

// Base holds the fields every event may carry. Which of them are set
// depends on the event and the vendor's version; missing ones are zero.
type Base struct {
	EventName string          `json:"event_name"` // as sent
	ChatID    ID              `json:"chat_id,omitempty"`
	WidgetID  ID              `json:"widget_id,omitempty"`
	Visitor   Visitor         `json:"visitor,omitzero"`
	Session   Session         `json:"session,omitzero"`
	Page      Page            `json:"page,omitzero"`
	Analytics json.RawMessage `json:"analytics,omitempty"` // shape undocumented

	// UserToken is the value the page gave setUserToken, unverified; see
	// Visitor for the verified id.
	UserToken     string        `json:"user_token,omitempty"`
	ClientID      ID            `json:"client_id,omitempty"`
	Topic         *Topic        `json:"topic,omitempty"`
	Organization  *Organization `json:"organization,omitempty"`
	Status        *Status       `json:"status,omitempty"`
	AssignedAgent *Agent        `json:"assigned_agent,omitempty"`
	Tags          []Tag         `json:"tags,omitempty"`

	// Raw is the whole event as received, so fields this package does not
	// know stay reachable; see Field.
	Raw json.RawMessage `json:"-"`
	// Identity is the outcome of verifying UserToken, set by the Handler.
	Identity Identity `json:"-"`
	// Problems lists the fields Decode could not read as their type (left
	// zero) or read only in part (a number's fraction dropped); nil when
	// every field was read. The Handler reports each one and passes the
	// event on all the same.
	Problems []*Problem `json:"-"`
}

// Header returns b.
func (b *Base) Header() *Base { return b }

// Field returns the raw JSON of the event's top-level field name, and false
// when the event has no such field.
func (b *Base) Field(name string) (json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(b.Raw, &m) != nil {
		return nil, false
	}
	v, ok := m[name]
	return v, ok
}

// CallEvent: an agent got a new call, or a call changed status.
type CallEvent struct {
	Base
	Agent      Agent       `json:"agent,omitzero"`
	Department *Department `json:"department,omitempty"`
	Call       Call        `json:"call,omitzero"`
}

// ChatAccepted: an agent clicked Reply. The reply can show the agent
// information about the visitor (see AgentView).
type ChatAccepted struct {
	Base
	Agent      Agent       `json:"agent,omitzero"`
	Department *Department `json:"department,omitempty"`
}

// ChatAssigned: an agent linked the chat to the CRM card given as crm_link
// in the reply to chat_accepted.
type ChatAssigned struct {
	Base
	Agent      Agent       `json:"agent,omitzero"`
	Department *Department `json:"department,omitempty"`
	AssignTo   string      `json:"assign_to,omitempty"` // the crm_link
}

// ChatFinished: a chat was closed; it carries the chat log, and in the
// vendor's newer payloads the same chat twice more, as text and as HTML.
type ChatFinished struct {
	Base
	Agents     []Agent     `json:"agents,omitempty"`
	Department *Department `json:"department,omitempty"`
	Chat       Chat        `json:"chat,omitzero"`
	// PlainMessages is the whole chat as plain text, one message a line
	// (newer documentation).
	PlainMessages string `json:"plain_messages,omitempty"`
	// HTMLMessages is the whole chat as HTML (newer documentation). It is
	// the vendor's markup with the visitor's text in it: escape or sanitise
	// it before showing it in a page.
	HTMLMessages string `json:"html_messages,omitempty"`
}

// ChatUpdated: the visitor's information changed during a chat, for
// instance the visitor filled in the contact form. The reply can update
// what the agent sees (see AgentView).
type ChatUpdated struct {
	Base
	Agent      Agent       `json:"agent,omitzero"`
	Department *Department `json:"department,omitempty"`
}

// OfflineMessage: the visitor sent a message through the offline form.
type OfflineMessage struct {
	Base
	OfflineMessageID ID     `json:"offline_message_id,omitempty"`
	Message          string `json:"message,omitempty"`
}

// ClientUpdated: the visitor's contact details changed (newer
// documentation; not in the reference).
type ClientUpdated struct {
	Base
}

// ClientAttributeUpdated: the client's attributes changed (newer
// documentation; not in the reference). Attributes is the attributes as
// sent; their shape is undocumented.
type ClientAttributeUpdated struct {
	Base
	Attributes json.RawMessage `json:"attributes,omitempty"`
}

// Unknown is an event this package has no type for; Raw holds all of it.
type Unknown struct {
	Base
}

func (*CallEvent) Name() Name              { return NameCallEvent }
func (*ChatAccepted) Name() Name           { return NameChatAccepted }
func (*ChatAssigned) Name() Name           { return NameChatAssigned }
func (*ChatFinished) Name() Name           { return NameChatFinished }
func (*ChatUpdated) Name() Name            { return NameChatUpdated }
func (*OfflineMessage) Name() Name         { return NameOfflineMessage }
func (*ClientUpdated) Name() Name          { return NameClientUpdated }
func (*ClientAttributeUpdated) Name() Name { return NameClientAttributeUpdated }

// Name returns the event_name as sent.
func (u *Unknown) Name() Name {
	if u == nil {
		return ""
	}
	return Name(u.EventName)
}

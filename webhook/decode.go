package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// wire has the fields of every event, so that a body is parsed once whatever
// its event_name.
type wire struct {
	Base
	Agent            Agent           `json:"agent"`
	Agents           []Agent         `json:"agents"`
	Department       *Department     `json:"department"`
	Call             Call            `json:"call"`
	Chat             Chat            `json:"chat"`
	AssignTo         string          `json:"assign_to"`
	OfflineMessageID ID              `json:"offline_message_id"`
	Message          string          `json:"message"`
	Attributes       json.RawMessage `json:"attributes"`
}

// Decode parses a webhook body into its typed event: *CallEvent,
// *ChatAccepted, ... or *Unknown for an event_name this package does not
// know. The event's Raw is body itself (not a copy).
//
// Decoding is tolerant where the vendor is inconsistent: ids may be strings
// or numbers, offline_messages reads as offline_message, missing fields are
// zero, and unknown fields are ignored (they stay in Raw). It fails with
// ErrMalformed for a body that is not a JSON object or a known event with a
// field of the wrong type, and with ErrNoEventName.
func Decode(body []byte) (Event, error) {
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		var te *json.UnmarshalTypeError
		field := ""
		if errors.As(err, &te) {
			field = strings.TrimPrefix(te.Field, "Base.")
		}
		switch {
		case te == nil:
			return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
		case field == "":
			return nil, fmt.Errorf("%w: the body is a JSON %s, not an object", ErrMalformed, te.Value)
		case field == "event_name":
			return nil, fmt.Errorf("%w: event_name is a %s, not a string", ErrMalformed, te.Value)
		case w.EventName != "" && !known(canonical(w.EventName)):
			// An event we do not know may use known names for other things.
		default:
			return nil, fmt.Errorf("%w: %s: field %s is a JSON %s, want %s", ErrMalformed, w.EventName, field, te.Value, te.Type)
		}
	}
	if w.EventName == "" {
		return nil, ErrNoEventName
	}
	w.Raw = body
	return w.event(), nil
}

func known(n Name) bool {
	switch n {
	case NameCallEvent, NameChatAccepted, NameChatAssigned, NameChatFinished,
		NameChatUpdated, NameOfflineMessage, NameClientUpdated, NameClientAttributeUpdated:
		return true
	}
	return false
}

func (w *wire) event() Event {
	switch canonical(w.EventName) {
	case NameCallEvent:
		return &CallEvent{Base: w.Base, Agent: w.Agent, Department: w.Department, Call: w.Call}
	case NameChatAccepted:
		return &ChatAccepted{Base: w.Base, Agent: w.Agent, Department: w.Department}
	case NameChatAssigned:
		return &ChatAssigned{Base: w.Base, Agent: w.Agent, Department: w.Department, AssignTo: w.AssignTo}
	case NameChatFinished:
		return &ChatFinished{Base: w.Base, Agents: w.Agents, Department: w.Department, Chat: w.Chat}
	case NameChatUpdated:
		return &ChatUpdated{Base: w.Base, Agent: w.Agent, Department: w.Department}
	case NameOfflineMessage:
		return &OfflineMessage{Base: w.Base, OfflineMessageID: w.OfflineMessageID, Message: w.Message}
	case NameClientUpdated:
		return &ClientUpdated{Base: w.Base}
	case NameClientAttributeUpdated:
		return &ClientAttributeUpdated{Base: w.Base, Attributes: w.Attributes}
	}
	return &Unknown{Base: w.Base}
}

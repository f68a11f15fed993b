package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
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
	w := wirePool.Get().(*wire)
	defer func() {
		*w = wire{}
		wirePool.Put(w)
	}()
	if err := jsonv2.Unmarshal(body, w, decodeOptions); err != nil {
		return w.fail(body, err)
	}
	if w.EventName == "" {
		return nil, ErrNoEventName
	}
	w.Raw = body
	return w.event(), nil
}

// wirePool holds wire values between calls: the event copies what it needs
// out of one, so a wire is free again once Decode returns.
var wirePool = sync.Pool{New: func() any { return new(wire) }}

// decodeOptions accept what the vendor may send and encoding/json accepts:
// duplicate names (the last wins) and invalid UTF-8 (kept as is).
var decodeOptions = jsonv2.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

// fail explains a decoding error, or passes on an event this package does
// not know whose fields clash with the known ones.
func (w *wire) fail(body []byte, err error) (Event, error) {
	var se *jsonv2.SemanticError
	if !errors.As(err, &se) {
		var syn *jsontext.SyntacticError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("%w: invalid JSON at byte %d: %w", ErrMalformed, syn.ByteOffset, syn.Err)
		}
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	field := strings.ReplaceAll(strings.TrimPrefix(string(se.JSONPointer), "/"), "/", ".")
	switch field {
	case "":
		return nil, fmt.Errorf("%w: the body is a JSON %s, not an object", ErrMalformed, kindName(se.JSONKind))
	case "event_name":
		return nil, fmt.Errorf("%w: event_name is a JSON %s, not a string", ErrMalformed, kindName(se.JSONKind))
	}
	// Decoding stopped at the error: read the name on its own.
	var head struct {
		EventName string `json:"event_name"`
	}
	if jsonv2.Unmarshal(body, &head, decodeOptions) == nil && head.EventName != "" && !known(canonical(head.EventName)) {
		u := &Unknown{}
		if jsonv2.Unmarshal(body, &u.Base, decodeOptions) != nil {
			u.Base = Base{EventName: head.EventName}
		}
		u.Raw = body
		return u, nil
	}
	what := "of the wrong type"
	if se.JSONKind != 0 {
		what = "a JSON " + kindName(se.JSONKind)
	}
	if se.Err != nil {
		what += ": " + se.Err.Error()
	}
	return nil, fmt.Errorf("%w: field %s is %s", ErrMalformed, field, what)
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "value"
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

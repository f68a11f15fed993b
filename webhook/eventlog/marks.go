package eventlog

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/webhook"
)

// Besides one line per event (Entry), the event log's Out gets two kinds
// of lines that record what happened to events, so that nothing is lost
// without a trace:
//
//   - a failure: the event's function returned an error or panicked, after
//     the event was recorded. The line has the event's seq and
//     event_name, and the error in failed, and no event:
//     {"seq":5,"time":"...","event_name":"chat_finished","failed":"crm is down"}.
//     `jivokit webhook replay -failed` re-sends those events.
//   - a body over the Handler's limit (see webhook.WithOversize): the event was
//     refused with 413 and never decoded. The line has no seq and no
//     event, but the body's size and what its start said:
//     {"time":"...","event_name":"chat_finished","chat_id":"7676","too_large":{"size":9437184,"limit":8388608}}.
//
// Readers that want the events take the lines that have an event.

// Mark is a failure or over-limit line of the event log, as written to Out.
type Mark struct {
	Seq      uint64     `json:"seq,omitempty"` // the failed event's; 0 for a body over the limit
	Time     time.Time  `json:"time"`
	Name     string     `json:"event_name,omitempty"`
	ChatID   webhook.ID `json:"chat_id,omitempty"`
	Failed   string     `json:"failed,omitempty"`
	TooLarge *TooLarge  `json:"too_large,omitempty"`
}

// TooLarge is the size of a body refused as over the limit.
type TooLarge struct {
	Size    int64 `json:"size"`
	AtLeast bool  `json:"at_least,omitempty"`
	Limit   int64 `json:"limit"`
}

// maxFailedText bounds the error text a failure line keeps.
const maxFailedText = 1000

// recordFailure writes the failure line of the event recorded as e.
func (l *Log) recordFailure(e Entry, err error) {
	text := err.Error()
	if len(text) > maxFailedText {
		text = clipLine(text, maxFailedText)
	}
	m := Mark{Seq: e.Seq, Time: time.Now(), Name: string(e.Name), Failed: text}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := range l.ring {
		if l.ring[i].Seq == e.Seq {
			l.ring[i].Failed = text
		}
	}
	l.writeMark(m)
	if l.Print != nil {
		line := "#" + strconv.FormatUint(e.Seq, 10) + " " + m.Time.Format("15:04:05") + " " + term.Visible(string(e.Name)) + " FAILED: " + term.Visible(text)
		l.show([]byte(clipLine(line, maxViewLine) + "\n"))
	}
}

// RecordOversize records a body the Handler refused as over its limit: a
// line on Out, and one on Print. Give it to the Handler with
// webhook.WithOversize(log.RecordOversize).
func (l *Log) RecordOversize(_ context.Context, o webhook.Oversize) {
	m := Mark{Time: time.Now(), Name: o.EventName, ChatID: o.ChatID,
		TooLarge: &TooLarge{Size: o.Size, AtLeast: o.AtLeast, Limit: o.Limit}}
	if !validUTF8(m.Name) || !validUTF8(string(m.ChatID)) {
		m.Name, m.ChatID = term.Visible(m.Name), webhook.ID(term.Visible(string(m.ChatID)))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writeMark(m)
	if l.Print != nil {
		size := strconv.FormatInt(o.Size, 10)
		if o.AtLeast {
			size = "over " + strconv.FormatInt(o.Size-1, 10)
		}
		name := o.EventName
		if name == "" {
			name = "(event_name not at the start of the body)"
		}
		line := m.Time.Format("15:04:05") + " LOST " + term.Visible(name)
		if o.ChatID != "" {
			line += " chat " + term.Visible(string(o.ChatID))
		}
		line += " · body of " + size + " bytes over the limit of " + strconv.FormatInt(o.Limit, 10) + " (413)"
		l.show([]byte(clipLine(line, maxViewLine) + "\n"))
	}
}

// writeMark writes m to Out; l.mu is held. A failure to write is not
// reported: the event's own line, written before, is the record. Like an
// event's line, a mark that fails part-way leaves no part line that the
// next line would join onto (see writeLine).
func (l *Log) writeMark(m Mark) {
	if l.Out == nil {
		return
	}
	line, err := marshalNoEscape(m)
	if err != nil {
		return
	}
	l.writeLine(line)
}

func validUTF8(s string) bool {
	for _, r := range s {
		if r == '\uFFFD' || r < 0x20 {
			return false
		}
	}
	return true
}

// recordCall runs next for the recorded event e, and records its failure.
func recordCall(l *Log, e Entry, next func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			l.recordFailure(e, fmt.Errorf("panic: %v", v))
			panic(v)
		}
		if err != nil {
			l.recordFailure(e, err)
		}
	}()
	return next()
}

package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// DefaultKeep is how many entries an EventLog keeps in memory when Keep is 0.
const DefaultKeep = 100

// EventLog records the events a Handler receives: each as one JSON line on
// Out, one readable line on Print, and the last Keep in memory for display.
// Wrap a handler's Funcs with its Funcs method so that every event is
// recorded before its function runs and before the reply is sent:
//
//	log := &webhook.EventLog{Out: file, Print: os.Stdout}
//	h, err := webhook.New(log.Funcs(myFuncs))
//
// The zero value keeps DefaultKeep entries and writes nothing. It is safe for
// concurrent use: lines are written whole, one at a time.
type EventLog struct {
	Out   io.Writer // JSON lines, see Entry; nil for none
	Print io.Writer // readable lines, see Summary; nil for none
	Keep  int       // entries kept in memory; 0 means DefaultKeep

	mu   sync.Mutex
	seq  uint64
	ring []Entry // the last entries, ring[seq%len] is the next slot
	line []byte
}

// Entry is one recorded event. Out gets it as JSON:
// {"seq":1,"time":"...","event_name":"chat_accepted","verified_visitor":"customer-42","event":{...}}.
type Entry struct {
	Seq             uint64          `json:"seq"` // 1, 2, 3, ... per log
	Time            time.Time       `json:"time"`
	Name            Name            `json:"event_name"`
	VerifiedVisitor string          `json:"verified_visitor,omitempty"`
	Summary         string          `json:"-"`
	Event           json.RawMessage `json:"event"` // as received
}

// Record logs ev. It fails when Out fails; the entry is kept anyway.
func (l *EventLog) Record(ev Event) (Entry, error) {
	b := ev.Header()
	raw := b.Raw
	if len(raw) == 0 {
		var err error
		if raw, err = json.Marshal(ev); err != nil {
			return Entry{}, fmt.Errorf("webhook: event log: %w", err)
		}
	}
	e := Entry{Time: time.Now(), Name: ev.Name(), VerifiedVisitor: b.Identity.VisitorID, Summary: Summary(ev), Event: raw}

	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	e.Seq = l.seq
	keep := l.Keep
	if keep <= 0 {
		keep = DefaultKeep
	}
	if len(l.ring) < keep {
		l.ring = append(l.ring, e)
	} else {
		l.ring[(e.Seq-1)%uint64(len(l.ring))] = e
	}
	var err error
	if l.Out != nil {
		line, merr := json.Marshal(e) // compacts Event to one line
		if merr != nil {
			return e, fmt.Errorf("webhook: event log: %w", merr)
		}
		l.line = append(append(l.line[:0], line...), '\n')
		if _, werr := l.Out.Write(l.line); werr != nil {
			err = fmt.Errorf("webhook: event log: %w", werr)
		}
	}
	if l.Print != nil {
		fmt.Fprintf(l.Print, "#%d %s %s\n", e.Seq, e.Time.Format("15:04:05"), e.Summary)
	}
	return e, err
}

// Recent returns the entries kept, oldest first.
func (l *EventLog) Recent() []Entry { return l.Since(0) }

// Since returns the kept entries with a Seq after seq, oldest first; a page
// polling for new events passes the last Seq it has shown.
func (l *EventLog) Since(seq uint64) []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Entry
	n := uint64(len(l.ring))
	first := l.seq - n + 1
	if seq+1 > first {
		first = seq + 1
	}
	for s := first; s <= l.seq; s++ {
		out = append(out, l.ring[(s-1)%n])
	}
	return out
}

// Len returns how many events were recorded.
func (l *EventLog) Len() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seq
}

// Funcs returns next with every event recorded first, including events next
// has no function for. When recording fails, the event's function is not
// called and the reply carries the error.
func (l *EventLog) Funcs(next Funcs) Funcs {
	return Funcs{
		CallEvent:              record(l, next.CallEvent),
		ChatAccepted:           recordView(l, next.ChatAccepted),
		ChatAssigned:           record(l, next.ChatAssigned),
		ChatFinished:           record(l, next.ChatFinished),
		ChatUpdated:            recordView(l, next.ChatUpdated),
		OfflineMessage:         record(l, next.OfflineMessage),
		ClientUpdated:          record(l, next.ClientUpdated),
		ClientAttributeUpdated: record(l, next.ClientAttributeUpdated),
		Other:                  record(l, next.Other),
	}
}

func record[E Event](l *EventLog, next func(context.Context, E) error) func(context.Context, E) error {
	return func(ctx context.Context, ev E) error {
		if _, err := l.Record(ev); err != nil {
			return err
		}
		return call(ctx, next, ev)
	}
}

func recordView[E Event](l *EventLog, next func(context.Context, E) (*AgentView, error)) func(context.Context, E) (*AgentView, error) {
	return func(ctx context.Context, ev E) (*AgentView, error) {
		if _, err := l.Record(ev); err != nil {
			return nil, err
		}
		if next == nil {
			return nil, nil
		}
		return next(ctx, ev)
	}
}

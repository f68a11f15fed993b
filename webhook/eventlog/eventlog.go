package eventlog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jivokit/jivokit/internal/lib/linequeue"
	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/webhook"
)

// DefaultKeep is how many entries a Log keeps in memory when Keep is 0.
const DefaultKeep = 100

// DefaultKeepEventBytes is the largest event an entry kept in memory
// holds when KeepEventBytes is 0.
const DefaultKeepEventBytes = 64 << 10

// DefaultKeepBytes bounds the events held by the entries kept in memory,
// in all, when KeepBytes is 0.
const DefaultKeepBytes = 4 << 20

// Log records the events a webhook.Handler receives: each as one JSON line on
// Out, one readable line on Print, and the last Keep in memory for display.
// Wrap a handler's webhook.Funcs with its Funcs method so that every event is
// recorded before its function runs and before the reply is sent:
//
//	log := &eventlog.Log{Out: file, Print: os.Stdout}
//	h, err := webhook.New(log.Funcs(myFuncs))
//
// Out is the record: every line is valid JSON that any reader reads alike
// (see Entry), written before the event's function runs; with Sync, it is
// also on disk before. Print is only a view: its lines are written from
// another goroutine, so a terminal that is slow, not read or closed never
// holds up an event or its reply. Lines it cannot take in time wait, up to
// ViewBuffer bytes; beyond that they are dropped, and counted (Dropped),
// and the next line printed says how many are missing. Once a write to
// Print fails, the view stops. Every byte printed from an event is visible
// text (control characters as \x1b, ...), and each event is one line.
//
// The zero value keeps DefaultKeep entries and writes nothing. It is safe for
// concurrent use: lines are written whole, one at a time. Set the fields
// before the first event.
type Log struct {
	Out   io.Writer // the record: JSON lines, see Entry; nil for none
	Print io.Writer // a view: readable lines, "#SEQ HH:MM:SS NAME SUMMARY"; nil for none
	Keep  int       // entries kept in memory; 0 means DefaultKeep
	// KeepEventBytes is the largest event an entry kept in memory holds:
	// the entry of a larger event keeps its summary, without the event
	// (see Entry.EventOmitted). 0 means DefaultKeepEventBytes.
	KeepEventBytes int
	// KeepBytes bounds the events of the entries kept in memory, in all:
	// past it, the oldest entries drop their events and keep their
	// summaries. 0 means DefaultKeepBytes. Out gets every event whole.
	KeepBytes int
	// Sync makes each event durable before its function runs: after
	// writing the line, Record calls Out's Sync method (as *os.File has),
	// which flushes it to the disk (fsync). Without it a recorded event
	// survives the process being killed, but not a power loss. It costs a
	// disk flush per event, see docs/webhooks.md. Once a flush has failed,
	// every later event fails too (the kernel may have dropped what it
	// could not write): restart with a new file.
	Sync bool
	// Start is the Seq of the last event already in Out: the first event
	// recorded gets Start+1. Open returns it for an existing log, so
	// that a log appended to across restarts never holds a Seq twice.
	Start uint64

	mu      sync.Mutex
	seq     uint64          // the Seq of the last event recorded; 0 before the first
	begun   bool            // seq starts from Start
	count   uint64          // events written to Out (or recorded, without Out)
	lost    uint64          // of those, events whose Sync failed
	ring    []Entry         // the last entries, ring[(count-1)%len] the last one
	kept    int             // the bytes of the events in ring
	written uint64          // the last seq written to Out
	torn    bool            // a failed write may have left part of a line on Out
	view    linequeue.Queue // Print's readable lines, set up by show

	syncMu  sync.Mutex // held while Out syncs
	synced  uint64     // the last seq on disk
	syncErr error      // the first failed Sync: every later event fails too
}

// Entry is one recorded event. Out gets it as JSON:
// {"seq":1,"time":"...","event_name":"chat_accepted","verified_visitor":"customer-42","event":{...}}.
type Entry struct {
	Seq             uint64       `json:"seq"` // 1, 2, 3, ... per log (see Log.Start)
	Time            time.Time    `json:"time"`
	Name            webhook.Name `json:"event_name"`
	VerifiedVisitor string       `json:"verified_visitor,omitempty"`
	// Summary describes the event on one line after its name (Summary
	// without the name), with every byte visible: "chat 3537 · John Smith ...".
	Summary string `json:"-"`
	// Failed is the error of the event's function, once it has returned
	// one (in memory; Out gets a line of its own, see Mark).
	Failed string `json:"-"`
	// EventOmitted is the size in bytes of Event when an entry kept in
	// memory (Recent, Since) does not hold it: the event was over the
	// Log's KeepEventBytes, or the entry is among the oldest past its
	// KeepBytes. Event is nil then. Out always has the event.
	EventOmitted int `json:"-"`
	// Event is the event as received, made valid JSON: invalid UTF-8 (and
	// escaped lone surrogates) read as U+FFFD, a name given twice in an
	// object is kept once with its last value (the one the handler read),
	// and event_name is the one the handler used. An object or array
	// nested deeper than MaxDepth is a string of its text as sent, and
	// so is a number beyond float64's range (1e400): the common JSON
	// readers refuse those or read them as infinity.
	Event json.RawMessage `json:"event"`
}

// Record logs ev. It fails when Out or its Sync fails (the error is
// ErrNotRecorded, answered 503), and for an event that is not JSON
// (nothing is recorded then). An event not recorded takes a Seq that is
// not used again (the log's seqs have a gap), prints a line that says NOT
// RECORDED, and does not count in Len; an event whose write failed is not
// kept in memory, one whose Sync failed is, with the error in Failed.
//
// A write to Out that fails leaves no part of a line behind when Out can
// be cut back (an *os.File: it has Seek and Truncate): the log is cut back
// to its last whole line. Otherwise the next line written starts on a line
// of its own. Either way the next event is written as usual, so a log
// whose disk was full goes on by itself once there is space again.
func (l *Log) Record(ev webhook.Event) (Entry, error) {
	b := ev.Header()
	name := ev.Name()
	var event []byte
	var err error
	if len(b.Raw) > 0 {
		event, err = logEvent(b.Raw, b.EventName)
	} else {
		// An event made in code: encoded, with its name even if unset.
		var raw []byte
		if raw, err = json.Marshal(ev); err != nil {
			return Entry{}, fmt.Errorf("webhook: event log: %w", err)
		}
		sent := b.EventName
		if sent == "" {
			sent = string(name)
		}
		event, err = logEvent(raw, sent)
	}
	if err != nil {
		return Entry{}, err
	}
	summary := strings.TrimLeft(strings.TrimPrefix(Summary(ev), string(name)), " ")
	e := Entry{Time: time.Now(), Name: name, VerifiedVisitor: b.Identity.VisitorID, Summary: term.Visible(summary), Event: event}

	l.mu.Lock()
	if !l.begun {
		l.seq, l.begun = l.Start, true
	}
	if l.seq == math.MaxUint64 {
		l.mu.Unlock()
		return Entry{}, fmt.Errorf("%w: the log's seq is at its largest (%d): start a new log", ErrNotRecorded, l.seq)
	}
	l.seq++
	e.Seq = l.seq
	if err := l.write(e); err != nil {
		l.printLost(e, err)
		l.mu.Unlock()
		return e, err
	}
	l.count++
	l.keep(e)
	synced := l.Sync && l.Out != nil
	if !synced {
		l.printEntry(e)
	}
	l.mu.Unlock()
	if synced {
		err := l.syncTo(e.Seq)
		l.mu.Lock()
		defer l.mu.Unlock()
		if err != nil {
			// Kept in memory, as written before the flush failed, but
			// answered 503: not counted as received.
			l.lost++
			for i := range l.ring {
				if l.ring[i].Seq == e.Seq {
					l.ring[i].Failed = err.Error()
				}
			}
			l.printLost(e, err)
			return e, err
		}
		l.printEntry(e)
	}
	return e, nil
}

// show queues a readable line for Print; l.mu is held.
func (l *Log) show(line []byte) {
	if l.view.Note == nil {
		l.view.Limit, l.view.Note = ViewBuffer, viewNote
	}
	l.view.Add(l.Print, line)
}

// printEntry prints the readable line of e; l.mu is held.
func (l *Log) printEntry(e Entry) {
	if l.Print == nil {
		return
	}
	text := "#" + strconv.FormatUint(e.Seq, 10) + " " + e.Time.Format("15:04:05") + " " + term.Visible(string(e.Name))
	if e.Summary != "" {
		text += " " + e.Summary
	}
	l.show([]byte(clipLine(text, maxViewLine) + "\n"))
}

// printLost prints the readable line of e, which was not recorded and is
// answered with err (503); l.mu is held.
func (l *Log) printLost(e Entry, err error) {
	if l.Print == nil {
		return
	}
	text := "#" + strconv.FormatUint(e.Seq, 10) + " " + e.Time.Format("15:04:05") + " NOT RECORDED " + term.Visible(string(e.Name)) +
		" · answered 503, the sender may send it again: " + term.Visible(err.Error())
	l.show([]byte(clipLine(text, maxViewLine) + "\n"))
}

// syncTo returns once the line of event seq is on disk. Events recorded
// at the same time share a flush: one Sync covers every line written
// before it began.
func (l *Log) syncTo(seq uint64) error {
	s, ok := l.Out.(interface{ Sync() error })
	if !ok {
		return fmt.Errorf("%w: Sync is set, but Out (%T) has no Sync method", ErrNotRecorded, l.Out)
	}
	l.syncMu.Lock()
	defer l.syncMu.Unlock()
	if l.syncErr != nil {
		// After a failed fsync the kernel may have dropped the dirty pages:
		// a later Sync that succeeds proves nothing about the earlier lines.
		return l.syncErr
	}
	if l.synced >= seq {
		return nil
	}
	l.mu.Lock()
	written := l.written
	l.mu.Unlock()
	if err := s.Sync(); err != nil {
		l.syncErr = fmt.Errorf("%w: %w", ErrNotRecorded, err)
		return l.syncErr
	}
	l.synced = written
	return nil
}

// keep puts e in the ring of entries kept in memory, within the Log's
// byte bounds; l.mu is held, and e is the last event.
func (l *Log) keep(e Entry) {
	keep, perEvent, total := l.Keep, l.KeepEventBytes, l.KeepBytes
	if keep <= 0 {
		keep = DefaultKeep
	}
	if perEvent <= 0 {
		perEvent = DefaultKeepEventBytes
	}
	if total <= 0 {
		total = DefaultKeepBytes
	}
	if len(e.Event) > perEvent || len(e.Event) > total {
		e.EventOmitted, e.Event = len(e.Event), nil
	}
	if len(l.ring) < keep {
		l.ring = append(l.ring, e)
	} else {
		i := (l.count - 1) % uint64(len(l.ring))
		l.kept -= len(l.ring[i].Event)
		l.ring[i] = e
	}
	l.kept += len(e.Event)
	// Past the bound, the oldest entries drop their events.
	n := uint64(len(l.ring))
	for i := uint64(0); l.kept > total && i < n-1; i++ {
		old := &l.ring[(l.count+i)%n] // the oldest first
		if old.Event != nil {
			l.kept -= len(old.Event)
			old.EventOmitted, old.Event = len(old.Event), nil
		}
	}
}

// write writes e to Out; l.mu is held. The line is JSON with no HTML
// escaping (an event of '<' takes a byte per '<', not six): e.Event is
// already compact, valid JSON (logEvent), so it is written as it is.
func (l *Log) write(e Entry) error {
	if l.Out == nil {
		return nil
	}
	head, err := marshalNoEscape(struct {
		Seq             uint64       `json:"seq"`
		Time            time.Time    `json:"time"`
		Name            webhook.Name `json:"event_name"`
		VerifiedVisitor string       `json:"verified_visitor,omitempty"`
	}{e.Seq, e.Time, e.Name, e.VerifiedVisitor})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNotRecorded, err)
	}
	event := e.Event
	if len(event) == 0 {
		event = json.RawMessage("null")
	}
	line := make([]byte, 0, len(head)+len(`,"event":}`)+len(event))
	line = append(line, head[:len(head)-1]...) // without its }
	line = append(line, `,"event":`...)
	line = append(line, event...)
	line = append(line, '}')
	if err := l.writeLine(line); err != nil {
		return err
	}
	l.written = e.Seq
	return nil
}

// marshalNoEscape is json.Marshal without HTML escaping, on one line.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// writeLine writes line and a line end to Out; l.mu is held. Every line
// of Out goes through it, events and marks alike. A write that fails
// leaves no part of the line behind when Out can be cut back; when it
// cannot, the next line written starts with a line end, so that the part
// line never joins onto it.
func (l *Log) writeLine(line []byte) error {
	buf := make([]byte, 0, len(line)+2)
	if l.torn {
		// What a failed write left could not be cut back: end it, so that
		// this line is whole.
		buf = append(buf, '\n')
	}
	buf = append(append(buf, line...), '\n')
	n, err := l.Out.Write(buf)
	if err == nil && n < len(buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 {
			wasTorn := l.torn
			l.torn = true
			if t, ok := l.Out.(truncater); ok {
				// The write offset follows the cut, for a file not opened
				// to append.
				if end, serr := t.Seek(0, io.SeekEnd); serr == nil && end >= int64(n) && t.Truncate(end-int64(n)) == nil {
					if _, serr := t.Seek(end-int64(n), io.SeekStart); serr == nil {
						l.torn = wasTorn // cut back to where it was
					}
				}
			}
		}
		return fmt.Errorf("%w: %w", ErrNotRecorded, err)
	}
	l.torn = false
	return nil
}

// truncater is an Out that a failed write can be cut back on.
type truncater interface {
	Seek(offset int64, whence int) (int64, error)
	Truncate(size int64) error
}

// ErrInUse is the error of Open when another process has the log open
// for writing.
var ErrInUse = errors.New("log is in use by another process (jivokit webhook listen -log, or a program with eventlog.Open)")

// ErrNotRecorded is the error of an event its Log could not write (a
// full disk, say). It wraps webhook.ErrUnavailable, so a Handler answers
// it with 503 Service Unavailable and the JSON result, and the sender can
// send the event again.
var ErrNotRecorded error = notRecorded{}

type notRecorded struct{}

func (notRecorded) Error() string { return "webhook: event log: not recorded" }
func (notRecorded) Unwrap() error { return webhook.ErrUnavailable }

// Dropped returns how many readable lines Print did not get: it was too
// slow, or failed. The events themselves are recorded all the same.
func (l *Log) Dropped() uint64 { return l.view.Dropped() }

// Flush waits until Print has the readable lines written so far, or ctx
// ends; a program calls it before it exits.
func (l *Log) Flush(ctx context.Context) error { return l.view.Flush(ctx) }

// Recent returns the entries kept, oldest first.
func (l *Log) Recent() []Entry { return l.Since(0) }

// Since returns the kept entries with a Seq after seq, oldest first; a page
// polling for new events passes the last Seq it has shown.
func (l *Log) Since(seq uint64) []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Entry
	n := uint64(len(l.ring))
	for i := range n {
		// The oldest first; a Seq not written (its write failed) is not
		// in the ring.
		if e := l.ring[(l.count+i)%n]; e.Seq > seq {
			out = append(out, e)
		}
	}
	return out
}

// Len returns how many events were recorded (since Start): an event
// whose line could not be written, or flushed with Sync, was answered 503
// and is not counted. Its Seq is not used again: the log's seqs then have
// a gap.
func (l *Log) Len() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.count - l.lost
}

// Funcs returns next with every event recorded first, including events next
// has no function for. When recording fails, the event's function is not
// called and the reply carries the error.
func (l *Log) Funcs(next webhook.Funcs) webhook.Funcs {
	return webhook.Funcs{
		CallEvent:              record(l, next.CallEvent),
		ChatAccepted:           recordView(l, next.ChatAccepted),
		ChatAssigned:           record(l, next.ChatAssigned),
		ChatFinished:           record(l, next.ChatFinished),
		ChatUpdated:            recordView(l, next.ChatUpdated),
		OfflineMessage:         record(l, next.OfflineMessage),
		ClientUpdated:          record(l, next.ClientUpdated),
		ClientAttributeUpdated: record(l, next.ClientAttributeUpdated),
		Other:                  record(l, next.Other),
		CRMPipeline:            record(l, next.CRMPipeline),
		CRMStatus:              record(l, next.CRMStatus),
		CRMClientTag:           record(l, next.CRMClientTag),
		CRMDeal:                record(l, next.CRMDeal),
		CRMTask:                record(l, next.CRMTask),
		CRMOrganization:        record(l, next.CRMOrganization),
		CRMClient:              record(l, next.CRMClient),
	}
}

func record[E webhook.Event](l *Log, next func(context.Context, E) error) func(context.Context, E) error {
	return func(ctx context.Context, ev E) error {
		e, err := l.Record(ev)
		if err != nil {
			return err
		}
		if next == nil {
			return nil
		}
		return recordCall(l, e, func() error { return next(ctx, ev) })
	}
}

func recordView[E webhook.Event](l *Log, next func(context.Context, E) (*webhook.AgentView, error)) func(context.Context, E) (*webhook.AgentView, error) {
	return func(ctx context.Context, ev E) (view *webhook.AgentView, err error) {
		e, err := l.Record(ev)
		if err != nil {
			return nil, err
		}
		if next == nil {
			return nil, nil
		}
		err = recordCall(l, e, func() (err error) { view, err = next(ctx, ev); return err })
		return view, err
	}
}

// Open opens the event log file at path for appending, creating it
// when it does not exist, and returns it with the Seq of its last event,
// for Log.Start. On Unix it takes an advisory lock (flock) on the file
// until it is closed: while another process (or another Open) has the
// log, Open fails with ErrInUse, so that two writers never give two
// events one Seq. When the file ends in part of a line (the process
// was killed, or the disk was full, while the line was written), that part
// is cut off first, so that the next event starts on a line of its own.
func Open(path string) (f *os.File, last uint64, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, 0, fmt.Errorf("webhook: event log: %w", err)
	}
	if err := lockLog(f); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("webhook: event log: %s: %w", path, err)
	}
	if last, err = resumeLog(f); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("webhook: event log: %s: %w", path, err)
	}
	return f, last, nil
}

// resumeLog cuts off a part line at the end of f and returns the Seq of
// the last whole line that has one, looking back at most resumeLimit
// bytes.
func resumeLog(f *os.File) (uint64, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if !info.Mode().IsRegular() {
		return 0, nil // a pipe or a device: nothing to read back
	}
	end := info.Size()
	var buf []byte // f[pos:end]
	pos := end
	cut := false
	for {
		if pos > 0 && end-pos < resumeLimit {
			n := min(64<<10, pos)
			pos -= n
			b := make([]byte, n, int(n)+len(buf))
			if _, err := f.ReadAt(b, pos); err != nil {
				return 0, err
			}
			buf = append(b, buf...)
		}
		if !cut {
			i := bytes.LastIndexByte(buf, '\n')
			if i < 0 && pos > 0 && end-pos < resumeLimit {
				continue // the part line is longer than what was read
			}
			cut = true
			if i < 0 && pos > 0 {
				// No line end in the last resumeLimit bytes: not a log
				// of lines; nothing is cut.
			} else if keep := pos + int64(i+1); keep < end {
				if err := f.Truncate(keep); err != nil {
					return 0, err
				}
				end = keep
				buf = buf[:i+1]
			}
		}
		for {
			buf = bytes.TrimRight(buf, "\n")
			i := bytes.LastIndexByte(buf, '\n')
			if i < 0 && pos > 0 && end-pos < resumeLimit {
				break // read further back
			}
			var line struct {
				Seq *uint64 `json:"seq"`
			}
			if json.Unmarshal(buf[i+1:], &line) == nil && line.Seq != nil {
				return *line.Seq, nil
			}
			if i < 0 {
				return 0, nil
			}
			buf = buf[:i]
		}
	}
}

// resumeLimit bounds how far back Open looks for the last Seq.
const resumeLimit = 64 << 20

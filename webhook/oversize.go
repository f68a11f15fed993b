package webhook

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"
)

// Oversize describes a body the Handler refused as over its limit (413):
// the event is lost unless the sender tries again, so what can be read of
// it is kept for the record (see WithOversize, and RecordOversize of package eventlog's Log).
type Oversize struct {
	Size    int64 // the body's size in bytes: its Content-Length, or (AtLeast) the bytes read
	AtLeast bool  // Size is a lower bound: the body came without a length and was not read to its end
	Limit   int64 // the Handler's limit
	// EventName and ChatID are read from the start of the body, when they
	// come before the cut (the vendor sends event_name first). They are
	// empty for a request with Expect: 100-continue and a Content-Length
	// over the limit: it is answered 413 at once, before its body is sent.
	EventName string
	ChatID    ID
	Remote    string // the sender's address

	head []byte
}

// oversizeHead is how much of a body over the limit is kept to read its
// event_name and chat_id from.
const oversizeHead = 4096

// oversizeError is ErrTooLarge with what was read of the body.
type oversizeError struct {
	o   Oversize
	err error
}

func (e *oversizeError) Error() string { return e.err.Error() }
func (e *oversizeError) Unwrap() error { return e.err }

// WithOversize calls f for every body refused as over the limit (413),
// with its size and, when they can be read from its start, its event_name
// and chat_id. The RecordOversize method of package eventlog's Log is such
// a function: with it the event log keeps a trace of every event lost that
// way. f must be safe for concurrent use.
func WithOversize(f func(context.Context, Oversize)) Option {
	return func(h *Handler) error {
		h.onOversize = f
		return nil
	}
}

// headTime bounds the wait for the start of a body over the limit (a
// variable for the tests).
var headTime = time.Second

// readHead reads up to oversizeHead bytes of a body declared over the
// limit, for its record, waiting at most headTime: the read deadline it
// sets is only ever shortened later (see linger), so a peer that sends
// nothing cannot hold the connection.
func readHead(w http.ResponseWriter, r *http.Request, start time.Time) []byte {
	end := time.Now().Add(headTime)
	if srv, ok := r.Context().Value(http.ServerContextKey).(*http.Server); ok && srv.ReadTimeout > 0 {
		end = minTime(end, start.Add(srv.ReadTimeout)) // never past the server's own
	}
	http.NewResponseController(w).SetReadDeadline(end)
	buf := make([]byte, oversizeHead)
	n, _ := io.ReadFull(r.Body, buf)
	return buf[:n]
}

// oversize reads what it can of a refused body and passes it on.
func (h *Handler) oversize(r *http.Request, err error) {
	oe, ok := err.(*oversizeError)
	if !ok {
		return
	}
	o := oe.o
	o.EventName, o.ChatID = peekHead(o.head)
	o.head = nil
	o.Remote = r.RemoteAddr
	oe.o = o
	if h.onOversize != nil {
		h.onOversize(r.Context(), o)
	}
	if o.EventName != "" {
		h.logger().LogAttrs(r.Context(), slog.LevelWarn, "webhook: event lost: body over the limit",
			slog.String("event", clipLine(o.EventName, 200)), slog.String("chat_id", clipLine(string(o.ChatID), 200)),
			slog.Int64("size", o.Size), slog.Int64("limit", o.Limit), slog.String("remote", r.RemoteAddr))
	}
}

// peekHead reads the top-level event_name and chat_id from the start of a
// body, as far as it is complete JSON.
func peekHead(head []byte) (name string, chatID ID) {
	s := scanner{data: head}
	s.ws()
	if s.peek() != '{' {
		return "", ""
	}
	s.pos++
	s.depth = 1
	for s.err == nil {
		s.ws()
		if s.peek() != '"' {
			return
		}
		kStart := s.pos
		s.str()
		key := head[kStart:s.pos]
		s.ws()
		if s.peek() != ':' {
			return
		}
		s.pos++
		s.ws()
		vStart := s.pos
		s.value()
		if s.err != nil {
			return
		}
		v := head[vStart:s.pos]
		switch keyText(key) {
		case "event_name":
			if v[0] == '"' {
				name = stringText(v)
			}
		case "chat_id":
			if t, err := scalarText(v); err == nil {
				chatID = ID(t)
			}
		}
		s.ws()
		if s.peek() != ',' {
			return
		}
		s.pos++
	}
	return
}

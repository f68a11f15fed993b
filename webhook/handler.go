package webhook

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
)

// Funcs are the functions a Handler calls, one per event. A nil function
// means the event is accepted and answered {"result":"ok"}.
//
// A function's error is sent as the reply's result (the vendor then shows
// the agent nothing). ChatAccepted and ChatUpdated may return an AgentView
// to show the agent; nil shows nothing more. Each function gets a context
// with the handler's deadline and the decoded event, whose Identity says
// whether the visitor's user_token verified.
type Funcs struct {
	CallEvent              func(context.Context, *CallEvent) error
	ChatAccepted           func(context.Context, *ChatAccepted) (*AgentView, error)
	ChatAssigned           func(context.Context, *ChatAssigned) error
	ChatFinished           func(context.Context, *ChatFinished) error
	ChatUpdated            func(context.Context, *ChatUpdated) (*AgentView, error)
	OfflineMessage         func(context.Context, *OfflineMessage) error
	ClientUpdated          func(context.Context, *ClientUpdated) error
	ClientAttributeUpdated func(context.Context, *ClientAttributeUpdated) error
	// The CRM webhooks, one function per entity (see CRMEntity); the
	// event's Action says what happened to it. They are answered
	// {"result":"ok"}, or the error.
	CRMPipeline     func(context.Context, *CRMPipelineEvent) error
	CRMStatus       func(context.Context, *CRMStatusEvent) error
	CRMClientTag    func(context.Context, *CRMClientTagEvent) error
	CRMDeal         func(context.Context, *CRMDealEvent) error
	CRMTask         func(context.Context, *CRMTaskEvent) error
	CRMOrganization func(context.Context, *CRMOrganizationEvent) error
	CRMClient       func(context.Context, *CRMClientEvent) error
	// Other gets the events this package has no type for; their Raw holds
	// the whole event.
	Other func(context.Context, *Unknown) error
}

// Handler is the http.Handler of a webhook endpoint: it checks and decodes
// each request, calls the Funcs for its event, and writes the reply the
// vendor expects. It is safe for concurrent use.
//
// Requests it refuses get a JSON body whose result says why, readable, as
// the vendor reads result ({"result":"webhook: not found","error":"webhook:
// not found"}; error repeats it), and:
//   - 404 for a path other than WithPath's,
//   - 405 for a method other than POST,
//   - 413 for a body over the size limit,
//   - 400 for a body that is not a JSON object or has no event_name (a
//     field that cannot be read is left zero and listed in Problems),
//   - 500 when a function panics; the panic is reported and the server goes
//     on serving,
//   - 503 with the JSON result when the function's error wraps
//     ErrUnavailable: the event was not kept, and the sender may send it
//     again (package eventlog's ErrNotRecorded does, for a full disk, say).
//
// The vendor documents no Content-Type for its requests, so the body is
// read as JSON whatever its Content-Type says, or without one; a type
// other than JSON is logged once, at Info.
type Handler struct {
	funcs   Funcs
	maxBody int64
	timeout time.Duration
	slow    time.Duration
	path    [sha256.Size]byte
	hasPath bool
	signer  *usertoken.Signer
	hosts   jsapi.SafeHosts
	strict  bool         // WithStrict
	log     *slog.Logger // nil: slog.Default() at the time of logging
	onError func(context.Context, error)

	onOversize func(context.Context, Oversize)

	typesMu sync.Mutex
	types   map[string]bool // the unusual content types logged
}

// maxTypesLogged bounds the content types a Handler remembers having
// logged: a sender that makes up a new one for every request is logged
// maxTypesLogged times, not for ever.
const maxTypesLogged = 16

// unusualType logs, once per type, a request whose Content-Type is not
// JSON; its body is read as JSON all the same.
func (h *Handler) unusualType(r *http.Request, ct string) {
	h.typesMu.Lock()
	if h.types[ct] || len(h.types) >= maxTypesLogged {
		h.typesMu.Unlock()
		return
	}
	if h.types == nil {
		h.types = map[string]bool{}
	}
	h.types[ct] = true
	h.typesMu.Unlock()
	h.logger().LogAttrs(r.Context(), slog.LevelInfo, "webhook: body read as JSON whatever its content type (logged once per type)",
		slog.String("content_type", visible(clipLine(ct, 200))), slog.String("remote", r.RemoteAddr))
}

// New returns a Handler that calls f. It fails only for an invalid option.
func New(f Funcs, opts ...Option) (*Handler, error) {
	h := &Handler{funcs: f, maxBody: DefaultMaxBodySize, timeout: DefaultTimeout, slow: DefaultSlowThreshold}
	for _, o := range opts {
		if err := o(h); err != nil {
			return nil, err
		}
	}
	return h, nil
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.hasPath {
		sum := sha256.Sum256([]byte(r.URL.Path))
		if subtle.ConstantTimeCompare(sum[:], h.path[:]) != 1 {
			h.refuse(w, r, http.StatusNotFound, ErrNotFound)
			return
		}
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, r, http.StatusMethodNotAllowed, fmt.Errorf("%w: %s; use POST", ErrMethod, r.Method))
		return
	}
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		h.unusualType(r, ct)
	}
	body, err := h.readBody(w, r)
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
			h.oversize(r, err)
		}
		h.refuse(w, r, status, err)
		return
	}
	ev, err := Decode(body)
	if err != nil {
		h.refuse(w, r, http.StatusBadRequest, err)
		return
	}
	base := ev.Header()
	for _, p := range base.Problems {
		h.report(r, ev, slog.LevelWarn, "webhook: field not read", p)
	}
	now := time.Now()
	base.Identity = verify(h.signer, base.UserToken, now)

	ctx := r.Context()
	if h.timeout > 0 {
		// The standard context. One that started its timer only when the
		// function waited on it was measured against this one in the same
		// runs (a cancelable parent, as here): 210-290 against 830-1,050 ns
		// when the function never waits, 120-190 ns more when it does (as
		// any function that passes ctx to an HTTP or database client does);
		// for the whole handler 3-4% of ServeHTTP's own time and about 1%
		// of a request over HTTP (median ratio 1.01, within the noise). Not
		// worth 84 lines of concurrency code.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, now.Add(h.timeout))
		defer cancel()
	}
	bp := bufPool.Get().(*[]byte)
	out, status := h.dispatch(ctx, r, ev, (*bp)[:0])
	if h.slow > 0 {
		if d := time.Since(now); d >= h.slow {
			h.logger().LogAttrs(r.Context(), slog.LevelWarn, "webhook: slow function", slog.String("event", string(ev.Name())),
				slog.String("chat_id", string(base.ChatID)), slog.Duration("took", d), slog.String("remote", r.RemoteAddr))
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(out)
	if cap(out) <= 64<<10 {
		*bp = out
		bufPool.Put(bp)
	}
}

// dispatch calls the event's function and appends the reply to dst.
func (h *Handler) dispatch(ctx context.Context, r *http.Request, ev Event, dst []byte) (out []byte, status int) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.report(r, ev, slog.LevelError, "webhook: function panicked", fmt.Errorf("%w: %s: %v\n%s", ErrPanic, ev.Name(), v, debug.Stack()))
			out, status = appendError(dst, "webhook: internal error"), http.StatusInternalServerError
		}
	}()
	view, err := h.call(ctx, ev)
	switch {
	case err != nil:
		h.report(r, ev, slog.LevelWarn, "webhook: function failed", fmt.Errorf("webhook: %s: %w", ev.Name(), err))
		if errors.Is(err, ErrUnavailable) {
			// The sender can act on it: the event was not kept.
			return appendResult(dst, err.Error()), http.StatusServiceUnavailable
		}
		return appendResult(dst, err.Error()), http.StatusOK
	case view != nil:
		return appendView(dst, view, jsapi.Cleaner{Hosts: h.hosts, Strict: h.strict}, func(err error) {
			msg := "webhook: dropped from reply"
			if errors.Is(err, ErrAdvice) {
				msg = "webhook: advice about reply"
			}
			h.report(r, ev, slog.LevelWarn, msg, err)
		}), http.StatusOK
	}
	return append(dst, okReply...), http.StatusOK
}

func (h *Handler) call(ctx context.Context, ev Event) (*AgentView, error) {
	f := &h.funcs
	switch e := ev.(type) {
	case *ChatAccepted:
		if f.ChatAccepted != nil {
			return f.ChatAccepted(ctx, e)
		}
	case *ChatUpdated:
		if f.ChatUpdated != nil {
			return f.ChatUpdated(ctx, e)
		}
	case *CallEvent:
		return nil, call(ctx, f.CallEvent, e)
	case *ChatAssigned:
		return nil, call(ctx, f.ChatAssigned, e)
	case *ChatFinished:
		return nil, call(ctx, f.ChatFinished, e)
	case *OfflineMessage:
		return nil, call(ctx, f.OfflineMessage, e)
	case *ClientUpdated:
		return nil, call(ctx, f.ClientUpdated, e)
	case *ClientAttributeUpdated:
		return nil, call(ctx, f.ClientAttributeUpdated, e)
	case *Unknown:
		return nil, call(ctx, f.Other, e)
	case *CRMPipelineEvent:
		return nil, call(ctx, f.CRMPipeline, e)
	case *CRMStatusEvent:
		return nil, call(ctx, f.CRMStatus, e)
	case *CRMClientTagEvent:
		return nil, call(ctx, f.CRMClientTag, e)
	case *CRMDealEvent:
		return nil, call(ctx, f.CRMDeal, e)
	case *CRMTaskEvent:
		return nil, call(ctx, f.CRMTask, e)
	case *CRMOrganizationEvent:
		return nil, call(ctx, f.CRMOrganization, e)
	case *CRMClientEvent:
		return nil, call(ctx, f.CRMClient, e)
	}
	return nil, nil
}

func call[E Event](ctx context.Context, f func(context.Context, E) error, ev E) error {
	if f == nil {
		return nil
	}
	return f(ctx, ev)
}

// firstRead is the most readBody allocates before any of the body arrives.
const firstRead = 64 << 10

// readBody reads the whole body, at most h.maxBody bytes, into a new slice.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	start := time.Now() // about when the server's read and write timeouts began
	if r.ContentLength > h.maxBody && strings.EqualFold(r.Header.Get("Expect"), "100-continue") {
		// The sender waits for "100 Continue" before it sends the body:
		// answered 413 at once, it never sends it. Its event_name is
		// then unknown; the record has the size.
		return nil, &oversizeError{Oversize{Size: r.ContentLength, Limit: h.maxBody},
			fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, r.ContentLength, h.maxBody)}
	}
	if r.ContentLength > h.maxBody {
		head := readHead(w, r, start)
		h.linger(w, r, int64(len(head)), start)
		return nil, &oversizeError{Oversize{Size: r.ContentLength, Limit: h.maxBody, head: head},
			fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, r.ContentLength, h.maxBody)}
	}
	// Room for the declared length and EOF, but no more than firstRead up
	// front: the length is only a claim until the bytes arrive, and append
	// grows the buffer as they do.
	size := int64(4096)
	if r.ContentLength >= 0 {
		size = min(r.ContentLength+1, firstRead)
	}
	buf := make([]byte, 0, size)
	rd := http.MaxBytesReader(w, r.Body, h.maxBody)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				head := buf[:min(len(buf), oversizeHead)]
				h.linger(w, r, int64(len(buf)), start)
				return nil, &oversizeError{Oversize{Size: int64(len(buf)) + 1, AtLeast: true, Limit: h.maxBody, head: head},
					fmt.Errorf("%w: the limit is %d bytes", ErrTooLarge, h.maxBody)}
			}
			return nil, fmt.Errorf("%w: reading the body: %w", ErrMalformed, err)
		}
	}
}

// Lingering on a body over the limit: a client that sends the whole body
// before it reads the reply (Python's urllib, many webhook senders; those
// that send Expect: 100-continue wait instead) would find the connection
// reset under it, and never see the 413, if the server closed while bytes
// were still arriving. So the handler first reads and discards the rest of
// the body, as nginx's lingering close does, within bounds: at most
// lingerFactor times the limit in all (no more than maxLinger), and for at
// most lingerTime.
const (
	lingerFactor = 4
	maxLinger    = 64 << 20
)

// lingerTime bounds the discarding (a variable for the tests).
var lingerTime = 10 * time.Second

// linger discards what is left of a body over the limit, read bytes of
// which have been read, when it is small enough to be worth it. start is
// when the handler began reading the body.
func (h *Handler) linger(w http.ResponseWriter, r *http.Request, read int64, start time.Time) {
	budget := min(lingerFactor*h.maxBody, maxLinger) - read
	if budget <= 0 || r.ContentLength > 0 && r.ContentLength-read > budget {
		return // too large to wait for: the connection is closed on it
	}
	rc := http.NewResponseController(w)
	// Setting a read deadline replaces the server's own, so the discarding
	// ends by the server's read timeout (counted from start, a little after
	// the server began counting it) and early enough in its write timeout
	// to send the 413: a body that crosses the limit late still gets its
	// reply in time. The deadline is not removed afterwards, so a
	// peer that stops sending cannot hold the connection.
	end := time.Now().Add(lingerTime)
	if srv, ok := r.Context().Value(http.ServerContextKey).(*http.Server); ok {
		if srv.ReadTimeout > 0 {
			end = minTime(end, start.Add(srv.ReadTimeout))
		}
		if srv.WriteTimeout > 0 {
			end = minTime(end, start.Add(srv.WriteTimeout-srv.WriteTimeout/10))
		}
	}
	if !time.Now().Before(end) {
		w.Header().Set("Connection", "close")
		rc.SetReadDeadline(time.Now())
		return
	}
	rc.SetReadDeadline(end)
	if _, err := io.CopyN(io.Discard, r.Body, budget); err != io.EOF {
		// The rest did not arrive in time (or is more than the budget):
		// answer and close instead of reading on for net/http's own
		// discard of an unread body.
		w.Header().Set("Connection", "close")
		rc.SetReadDeadline(time.Now())
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// refuse answers a request the handler does not pass on.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, status int, err error) {
	level := slog.LevelWarn // the sender may lose an event
	if status == http.StatusNotFound || status == http.StatusMethodNotAllowed {
		level = slog.LevelInfo // most likely not the vendor
	}
	h.report(r, nil, level, "webhook: request refused", err, slog.Int("status", status))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(appendError(nil, err.Error()))
}

// logger returns the handler's logger.
func (h *Handler) logger() *slog.Logger {
	if h.log != nil {
		return h.log
	}
	return slog.Default()
}

// report tells the error handler and the logger of err, which happened while
// serving r (and ev, when decoded).
func (h *Handler) report(r *http.Request, ev Event, level slog.Level, msg string, err error, attrs ...slog.Attr) {
	ctx := r.Context()
	if h.onError != nil {
		h.onError(ctx, err)
	}
	l := h.logger()
	if !l.Enabled(ctx, level) {
		return
	}
	attrs = append(attrs, slog.String("err", err.Error()), slog.String("remote", r.RemoteAddr))
	if ev != nil {
		attrs = append(attrs, slog.String("event", string(ev.Name())))
		if id := ev.Header().ChatID; id != "" {
			attrs = append(attrs, slog.String("chat_id", string(id)))
		}
	}
	l.LogAttrs(ctx, level, msg, attrs...)
}

// visible returns s, text from a request, with what a terminal could act
// on (control characters, invalid UTF-8, format characters) escaped as Go
// does: a log read on a terminal shows it as text.
func visible(s string) string {
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

// clipLine shortens s to at most n bytes, on a rune boundary, marking the
// cut with "…".
func clipLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// isJSON reports whether a Content-Type header allows a JSON body: empty,
// application/json, or a +json type, with any parameters.
func isJSON(ct string) bool {
	if ct == "" || ct == "application/json" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

package webhook

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
)

const (
	// DefaultMaxBodySize is the largest body a Handler reads unless
	// WithMaxBodySize says otherwise: 8 MiB. The reference's payloads are
	// about 1 KiB, but chat_finished carries the whole chat three times
	// (messages, plain_messages, html_messages): a chat of 2,000 ordinary
	// messages is about 1 MiB, and 2.1 MiB with every non-ASCII character
	// escaped as \uXXXX (as PHP and Python write JSON by default), which
	// leaves close to 4× headroom.
	DefaultMaxBodySize = 8 << 20
	// DefaultTimeout is each event's deadline unless WithTimeout says
	// otherwise. The vendor documents no timeout of its own.
	DefaultTimeout = 10 * time.Second
)

// Option configures a Handler.
type Option func(*Handler) error

// WithMaxBodySize sets the largest body read, in bytes; larger ones get
// 413 Request Entity Too Large.
func WithMaxBodySize(n int64) Option {
	return func(h *Handler) error {
		if n <= 0 {
			return fmt.Errorf("webhook: WithMaxBodySize(%d): the limit must be positive", n)
		}
		h.maxBody = n
		return nil
	}
}

// WithTimeout sets the deadline of the context each function gets; 0 means
// none beyond the request's own.
func WithTimeout(d time.Duration) Option {
	return func(h *Handler) error {
		if d < 0 {
			return fmt.Errorf("webhook: WithTimeout(%v): negative", d)
		}
		h.timeout = d
		return nil
	}
}

// WithPath makes the handler answer only requests for exactly path (as the
// handler sees it, after any http.StripPrefix), compared in constant time,
// and 404 Not Found for any other. The vendor signs nothing, so a secret
// in the webhook URL, such as "/jivo/webhook/" followed by 32 random
// characters, keeps others from posting events.
//
// A wrong path gets 404 rather than 401 on purpose: to whoever guesses, the
// endpoint looks like any path that does not exist, and nothing invites
// retrying with credentials.
func WithPath(path string) Option {
	return func(h *Handler) error {
		if !strings.HasPrefix(path, "/") {
			return fmt.Errorf("webhook: WithPath(%q): the path must start with /", path)
		}
		h.path = sha256.Sum256([]byte(path))
		h.hasPath = true
		return nil
	}
}

// WithSigner verifies each event's user_token with s and puts the outcome
// in the event's Identity. Without it, Identity.Err is ErrNoSigner. An
// event whose token does not verify is still passed to its function: the
// function decides what an unverified visitor may see.
func WithSigner(s *usertoken.Signer) Option {
	return func(h *Handler) error {
		if s == nil {
			return fmt.Errorf("webhook: WithSigner(nil)")
		}
		if _, err := s.Verify(""); errors.Is(err, usertoken.ErrNoSecret) {
			return fmt.Errorf("webhook: WithSigner: %w", err)
		}
		h.signer = s
		return nil
	}
}

// WithSafeHosts restricts the links in replies (custom_data links,
// crm_link, page url) to these hosts and their subdomains, as the widget's
// "Safe URL" setting does for setCustomData, by the same rules as the
// snippet's templates.WithSafeHosts: see jsapi.SafeHosts for what an entry
// may be. A link elsewhere, or one that is no http(s) link with a host, is
// left out of the reply and reported through the error handler. Without it,
// a link that is not an absolute http(s) URL is sent with jivokit's advice
// (ErrAdvice), unless WithStrict. Given more than once, the last list
// counts.
func WithSafeHosts(hosts ...string) Option {
	return func(h *Handler) error {
		if len(hosts) == 0 {
			return fmt.Errorf("webhook: WithSafeHosts needs at least one host; leave it out to allow links to any host")
		}
		s, err := jsapi.NewSafeHosts(hosts...)
		if err != nil {
			return fmt.Errorf("webhook: WithSafeHosts: %w", err)
		}
		h.hosts = s
		return nil
	}
}

// WithStrict turns jivokit's advice about a reply into refusal: a part of
// an AgentView that breaks no rule of the vendor's but one of jivokit's
// advice (an e-mail address or phone number of an unusual shape, a
// relative or mailto: link, a custom field without text) is left out of the
// reply and reported as dropped, rather than sent and reported as
// ErrAdvice. The vendor's own rules and what cannot be written are enforced
// either way; see jsapi.Kind.
func WithStrict() Option {
	return func(h *Handler) error {
		h.strict = true
		return nil
	}
}

// WithErrorHandler sets a function called with every error the handler
// meets, for code that acts on them (counts them, raises an alert): a
// function's error (also sent as the reply's result), a panic (ErrPanic,
// with its stack), parts dropped from a reply (ErrLinkDropped,
// ErrFieldDropped, ErrTooManyFields, ErrContactDropped) or sent with
// jivokit's advice (ErrAdvice; errors.As finds the *jsapi.Warning), fields that
// could not be read (a *Problem), and refused requests (ErrNotFound,
// ErrTooLarge, ...). Test them with errors.Is. The same errors are logged
// (see WithLogger) whether or not an error handler is set; to only have the
// func, give WithLogger a logger that discards. f must be safe for
// concurrent use.
func WithErrorHandler(f func(ctx context.Context, err error)) Option {
	return func(h *Handler) error {
		if f == nil {
			return fmt.Errorf("webhook: WithErrorHandler(nil)")
		}
		h.onError = f
		return nil
	}
}

// WithLogger sets the logger the handler writes to; the default is
// slog.Default() at the time of logging, so that a program's slog.SetDefault
// applies. It logs, with the attributes err, remote (the peer's address),
// event and chat_id where known:
//   - at Error, a function that panicked (with its stack);
//   - at Warn, a function's error, parts dropped from a reply, fields that
//     could not be read, requests refused with 400 or 413 (the sender
//     may lose an event; also status), the event_name, chat_id and size of
//     a body over the limit, and a function slower than WithSlowThreshold
//     (also took);
//   - at Info, requests refused with 404 or 405 (most likely not the
//     vendor; also status), and a Content-Type other than JSON, once per
//     type (the body is read as JSON all the same).
//
// Events handled without trouble are not logged. To log nothing, give
// slog.New(slog.DiscardHandler).
func WithLogger(l *slog.Logger) Option {
	return func(h *Handler) error {
		if l == nil {
			return fmt.Errorf("webhook: WithLogger(nil); to log nothing, give slog.New(slog.DiscardHandler)")
		}
		h.log = l
		return nil
	}
}

// DefaultSlowThreshold is how long a function may take before the handler
// logs it as slow, unless WithSlowThreshold says otherwise: a fifth of
// DefaultTimeout, so that a function drifting towards its deadline shows
// up in the logs long before it misses it.
const DefaultSlowThreshold = DefaultTimeout / 5

// WithSlowThreshold sets how long a function may take before the handler
// logs it at Warn as slow; 0 turns that off.
func WithSlowThreshold(d time.Duration) Option {
	return func(h *Handler) error {
		if d < 0 {
			return fmt.Errorf("webhook: WithSlowThreshold(%v): negative", d)
		}
		h.slow = d
		return nil
	}
}

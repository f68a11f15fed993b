// Package serve builds the HTTP servers of jivokit's commands (`webhook
// listen`, `demo`) so that slow, idle and numerous peers cannot hold them:
// every phase of a request has a deadline, and a request whose sender has
// already gone is not handled.
//
//	limits := serve.DefaultLimits()
//	limits.RegisterFlags(fs)
//	... fs.Parse(args) ...
//	if err := limits.Check(handlerTimeout); err != nil { ... bad usage ... }
//	srv := limits.Server(handler)
//	err := serve.Run(ctx, srv, ln)
//
// There is no bound on the number of connections. Bounds were measured
// against net/http with the same timeouts (go run
// ./internal/measure/connload): with a bound of 256 that waits for a
// slot, a new sender waited 15 s and more behind 300 idle keep-alive
// connections or 600 connections sending their headers slowly, which the
// timeouts close anyway, while net/http answered it in under a
// millisecond; a bound that evicts idle and slow connections instead
// answers new senders at once but loses requests that keep-alive senders
// have already sent on a connection it closes (557 of 6,000 from 300
// senders). Without a bound every figure matches net/http's. Each
// connection costs the server a file descriptor and a few KiB; the header
// and read timeouts close those that send nothing useful.
package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"
)

// The defaults of DefaultLimits.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 30 * time.Second
	DefaultWriteTimeout      = 30 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	// ReplyRoom is the least time Check asks the write timeout to leave
	// after the handler's own deadline, to write the reply.
	ReplyRoom = 5 * time.Second
	// ShutdownTimeout is how long Run waits for requests in flight once
	// its context ends.
	ShutdownTimeout = 5 * time.Second
)

// Limits bound what one peer can hold. A zero duration or count means no
// bound.
type Limits struct {
	// ReadHeaderTimeout bounds reading a request's headers, from the first
	// byte for a new connection or from the end of the previous reply.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, headers and body: a body
	// sent a byte at a time is cut off when it passes.
	ReadTimeout time.Duration
	// WriteTimeout bounds the time from the end of a request's headers to
	// the end of its reply, so it covers reading the body, the handler's
	// work and writing the reply: it must be longer than the handler's own
	// deadline (see Check).
	WriteTimeout time.Duration
	// IdleTimeout closes a keep-alive connection with no request for this
	// long.
	IdleTimeout time.Duration
}

// DefaultLimits returns 10 s for headers, 30 s to read a request, 30 s to
// answer it and 120 s of keep-alive.
func DefaultLimits() Limits {
	return Limits{
		ReadHeaderTimeout: DefaultReadHeaderTimeout,
		ReadTimeout:       DefaultReadTimeout,
		WriteTimeout:      DefaultWriteTimeout,
		IdleTimeout:       DefaultIdleTimeout,
	}
}

// RegisterFlags adds -read-timeout, -write-timeout and -idle-timeout to fs, with l's values as their defaults; parsing fs sets l.
func (l *Limits) RegisterFlags(fs *flag.FlagSet) {
	fs.DurationVar(&l.ReadTimeout, "read-timeout", l.ReadTimeout, "the longest a peer may take to send a request, headers and body (0: no limit)")
	fs.DurationVar(&l.WriteTimeout, "write-timeout", l.WriteTimeout, "the longest from the end of a request's headers to the end of the reply, the handler's work included (0: no limit)")
	fs.DurationVar(&l.IdleTimeout, "idle-timeout", l.IdleTimeout, "close a keep-alive connection idle this long (0: the read timeout)")
}

// Check reports limits that cannot work: a negative value, or a write
// timeout that leaves less than ReplyRoom after handlerTimeout, the
// deadline the handler gives its own work (0 if it has none).
func (l Limits) Check(handlerTimeout time.Duration) error {
	var errs []error
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"read timeout", l.ReadTimeout}, {"read header timeout", l.ReadHeaderTimeout}, {"write timeout", l.WriteTimeout}, {"idle timeout", l.IdleTimeout}} {
		if d.v < 0 {
			errs = append(errs, fmt.Errorf("the %s is negative (%v)", d.name, d.v))
		}
	}
	if l.WriteTimeout > 0 && handlerTimeout > 0 && l.WriteTimeout < handlerTimeout+ReplyRoom {
		errs = append(errs, fmt.Errorf("the write timeout (%v) must be at least %v longer than the handler's deadline (%v), or the reply is cut off", l.WriteTimeout, ReplyRoom, handlerTimeout))
	}
	return errors.Join(errs...)
}

// Server returns an http.Server for h with l's timeouts. Before h runs, the
// server checks that the sender is still there: a request read from a
// connection its sender has already closed (it gave up waiting, and may
// be sending it again on another) is dropped without running h. A peer
// that only shuts down its sending side after the request (as some
// HTTP/1.0 clients and `nc -N` do) looks gone too: net/http, too, ends
// such a request's context.
func (l Limits) Server(h http.Handler) *http.Server {
	header := l.ReadHeaderTimeout
	if l.ReadTimeout > 0 && (header <= 0 || l.ReadTimeout < header) {
		header = l.ReadTimeout
	}
	return &http.Server{
		Handler:           senderThere(h),
		ConnContext:       withConn,
		ReadHeaderTimeout: header,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// Run serves srv on ln until ctx ends, then shuts srv down, waiting up to
// ShutdownTimeout for the requests in flight. It returns nil after a clean
// shutdown, or why serving or shutting down failed.
func Run(ctx context.Context, srv *http.Server, ln net.Listener) error {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
		<-done
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type connKey struct{}

// withConn is the ConnContext hook of Limits.Server: requests carry their
// connection.
func withConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// senderThere runs h unless the request's sender has gone: its connection
// has been closed or reset (as net/http itself tells once h runs, by
// ending the request's context).
func senderThere(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Context().Err() != nil {
			panic(http.ErrAbortHandler) // closes the connection, logs nothing
		}
		if c, ok := r.Context().Value(connKey{}).(net.Conn); ok && peerClosed(c) {
			panic(http.ErrAbortHandler)
		}
		h.ServeHTTP(w, r)
	})
}

package serve

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Listener returns ln bounded to l.MaxConns open connections, or ln itself
// when there is no bound. At the bound, Accept closes the connection idle
// the longest (as told by a server from l.Server) to make room; when none
// is idle, it waits until a connection closes. Closing the returned
// listener closes ln.
func (l Limits) Listener(ln net.Listener) net.Listener {
	if l.MaxConns <= 0 {
		return ln
	}
	return &limitListener{Listener: ln, max: l.MaxConns, conns: map[*conn]struct{}{}, freed: make(chan struct{}, 1), closed: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	max       int
	mu        sync.Mutex
	taken     int                // open connections, and an Accept's before it returns
	conns     map[*conn]struct{} // open
	freed     chan struct{}      // signalled when a connection closes
	closed    chan struct{}
	closeOnce sync.Once
}

// Accept makes room only once a connection has arrived, so that an idle
// connection is never closed for a peer that may not come.
func (ll *limitListener) Accept() (net.Conn, error) {
	c, err := ll.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if err := ll.acquire(); err != nil {
		c.Close()
		return nil, err
	}
	lc := &conn{Conn: c, ll: ll}
	ll.mu.Lock()
	ll.conns[lc] = struct{}{}
	ll.mu.Unlock()
	return lc, nil
}

// acquire takes a slot, closing the longest-idle connection at the bound,
// or waiting for one to close.
func (ll *limitListener) acquire() error {
	for {
		ll.mu.Lock()
		if ll.taken < ll.max {
			ll.taken++
			ll.mu.Unlock()
			return nil
		}
		var oldest *conn
		for c := range ll.conns {
			if c.isIdle() && (oldest == nil || c.idleSince().Before(oldest.idleSince())) {
				oldest = c
			}
		}
		ll.mu.Unlock()
		if oldest != nil {
			oldest.Close() // frees the slot
			continue
		}
		select {
		case <-ll.freed:
		case <-ll.closed:
			return net.ErrClosed
		}
	}
}

// release frees c's slot.
func (ll *limitListener) release(c *conn) {
	ll.mu.Lock()
	ll.taken--
	delete(ll.conns, c)
	ll.mu.Unlock()
	select {
	case ll.freed <- struct{}{}:
	default:
	}
}

func (ll *limitListener) Close() error {
	ll.closeOnce.Do(func() { close(ll.closed) })
	return ll.Listener.Close()
}

// conn is a connection of a limitListener; the server's ConnState hook
// marks it idle between requests.
type conn struct {
	net.Conn
	ll        *limitListener
	mu        sync.Mutex
	idle      bool
	since     time.Time
	closeOnce sync.Once
}

func (c *conn) isIdle() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idle
}

func (c *conn) idleSince() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.since
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(func() { c.ll.release(c) })
	return err
}

// trackState is the ConnState hook of Limits.Server.
func trackState(nc net.Conn, state http.ConnState) {
	c, ok := nc.(*conn)
	if !ok {
		return
	}
	c.mu.Lock()
	c.idle = state == http.StateIdle
	if c.idle {
		c.since = time.Now()
	}
	c.mu.Unlock()
}

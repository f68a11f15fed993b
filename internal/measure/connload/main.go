// Command connload measures how the servers of `jivokit webhook listen` and
// `jivokit demo` (package internal/cli/serve, with its default limits)
// answer a fresh sender while many other connections are open, against a
// plain net/http server with the same timeouts, in the same run and with
// the same webhook handler.
//
// Scenarios, each run against both servers in turn:
//
//	idle       -idle keep-alive connections, each after one event, stay open
//	senders    -senders concurrent keep-alive senders post -events events each
//	slowloris  -slowloris connections send a request's headers a line a second
//
// A third server is the alternative to serve's choice of no bound on
// connections: net/http with the same timeouts and a bound of -bound
// connections that, at the bound, closes the connection idle the longest
// or, when none is idle, the oldest one still sending its first request's
// headers, and otherwise waits until a connection closes or goes idle.
//
// In each, -probes fresh senders (a new connection, one event) are timed
// one after the other; a probe not answered within -probe-timeout counts
// as that long. For senders it also prints how many events were answered
// and how long all took. It serves and connects on 127.0.0.1 only, and
// every connection it opens is closed at the end of its scenario.
//
//	go run ./internal/measure/connload [-idle 300] [-senders 300] [-events 20] [-slowloris 600]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/jivokit/jivokit/internal/cli/serve"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

func main() {
	idle := flag.Int("idle", 300, "idle keep-alive connections")
	senders := flag.Int("senders", 300, "concurrent keep-alive senders")
	events := flag.Int("events", 20, "events per sender")
	slowloris := flag.Int("slowloris", 600, "connections that send headers a line a second")
	probes := flag.Int("probes", 5, "fresh senders timed per scenario")
	probeTimeout := flag.Duration("probe-timeout", 15*time.Second, "the longest a probe waits")
	bound := flag.Int("bound", 256, "the connection bound of the evicting server")
	flag.Parse()

	payload, err := samples.Payload(webhook.NameChatFinished)
	if err != nil {
		fail(err)
	}
	h, err := webhook.New(webhook.Funcs{}, webhook.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		fail(err)
	}
	servers := []server{
		{"plain net/http", startPlain(h)},
		{"jivokit serve", startServe(h)},
		{fmt.Sprintf("evicting bound %d", *bound), startEvicting(h, *bound)},
	}
	defer func() {
		for _, s := range servers {
			s.stop()
		}
	}()

	m := measurer{payload: payload, probes: *probes, timeout: *probeTimeout}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tserver\tprobe median\tprobe max\tanswered\tall in\t")
	for _, sc := range []struct {
		name string
		run  func(addr string) result
	}{
		{fmt.Sprintf("%d idle", *idle), func(addr string) result { return m.idle(addr, *idle) }},
		{fmt.Sprintf("%d senders × %d", *senders, *events), func(addr string) result { return m.senders(addr, *senders, *events) }},
		{fmt.Sprintf("%d slowloris", *slowloris), func(addr string) result { return m.slowloris(addr, *slowloris) }},
	} {
		var medians []time.Duration // plain, serve
		for _, s := range servers {
			r := sc.run(s.addr)
			medians = append(medians, median(r.probes))
			answered, all := "", ""
			if r.total > 0 {
				answered = fmt.Sprintf("%d/%d", r.answered, r.total)
				all = r.all.Round(time.Millisecond).String()
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", sc.name, s.name, show(median(r.probes)), show(slices.Max(r.probes)), answered, all)
		}
		fmt.Fprintf(tw, "%s\tserve − plain\t%s\t\t\t\t\n", sc.name, show(medians[1]-medians[0]))
	}
	tw.Flush()
}

func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "connload:", err)
	os.Exit(1)
}

type server struct {
	name string
	*running
}

type running struct {
	addr string
	stop func()
}

func listen() net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	return ln
}

// startPlain serves h with net/http alone, with serve's default timeouts.
func startPlain(h http.Handler) *running {
	ln := listen()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: serve.DefaultReadHeaderTimeout, ReadTimeout: serve.DefaultReadTimeout,
		WriteTimeout: serve.DefaultWriteTimeout, IdleTimeout: serve.DefaultIdleTimeout, ErrorLog: discardLog()}
	go srv.Serve(ln)
	return &running{ln.Addr().String(), func() { srv.Close() }}
}

// startServe serves h as the jivokit commands do.
func startServe(h http.Handler) *running {
	ln := listen()
	limits := serve.DefaultLimits()
	srv := limits.Server(h)
	srv.ErrorLog = discardLog()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { serve.Run(ctx, srv, ln); close(done) }()
	return &running{ln.Addr().String(), func() { srv.Close(); cancel(); <-done }}
}

type result struct {
	probes          []time.Duration
	answered, total int
	all             time.Duration
}

type measurer struct {
	payload []byte
	probes  int
	timeout time.Duration
}

// post sends one event on client and reports whether it was answered 200.
func (m measurer) post(client *http.Client, addr string) bool {
	res, err := client.Post("http://"+addr+"/", "application/json", bytes.NewReader(m.payload))
	if err != nil {
		return false
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode == 200
}

// probe times fresh senders one after the other.
func (m measurer) probe(addr string) []time.Duration {
	var out []time.Duration
	for range m.probes {
		client := &http.Client{Timeout: m.timeout, Transport: &http.Transport{DisableKeepAlives: true}}
		start := time.Now()
		if !m.post(client, addr) {
			out = append(out, m.timeout)
			continue
		}
		out = append(out, time.Since(start))
	}
	return out
}

func (m measurer) idle(addr string, n int) result {
	tr := &http.Transport{MaxIdleConnsPerHost: n, MaxIdleConns: n, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Timeout: m.timeout, Transport: tr}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.post(client, addr)
		}()
	}
	wg.Wait()
	return result{probes: m.probe(addr)}
}

func (m measurer) senders(addr string, n, events int) result {
	var wg sync.WaitGroup
	var answered atomic.Int64
	start := time.Now()
	var all time.Duration
	var allOnce sync.Once
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxIdleConnsPerHost: 1}
			defer tr.CloseIdleConnections()
			client := &http.Client{Timeout: m.timeout, Transport: tr}
			for range events {
				if m.post(client, addr) {
					answered.Add(1)
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); allOnce.Do(func() { all = time.Since(start) }); close(done) }()
	time.Sleep(20 * time.Millisecond) // the senders are under way
	probes := m.probe(addr)
	<-done
	return result{probes: probes, answered: int(answered.Load()), total: n * events, all: all}
}

func (m measurer) slowloris(addr string, n int) result {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				return
			}
			defer c.Close()
			if _, err := io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\n"); err != nil {
				return
			}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
				}
				if _, err := fmt.Fprintf(c, "X-%d: %s\r\n", i, strings.Repeat("a", 8)); err != nil {
					return
				}
			}
		}()
	}
	time.Sleep(500 * time.Millisecond) // the connections are open
	probes := m.probe(addr)
	close(stop)
	wg.Wait()
	return result{probes: probes}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func show(d time.Duration) string {
	switch {
	case d < 0:
		return "-" + show(-d)
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// startEvicting serves h with net/http, serve's timeouts and an evicting
// bound of max connections.
func startEvicting(h http.Handler, max int) *running {
	el := &evictingListener{Listener: listen(), max: max, conns: map[*evConn]struct{}{}, changed: make(chan struct{}, 1)}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: serve.DefaultReadHeaderTimeout, ReadTimeout: serve.DefaultReadTimeout,
		WriteTimeout: serve.DefaultWriteTimeout, IdleTimeout: serve.DefaultIdleTimeout, ErrorLog: discardLog(),
		ConnState: func(c net.Conn, st http.ConnState) {
			if ec, ok := c.(*evConn); ok {
				el.setState(ec, st)
			}
		}}
	go srv.Serve(el)
	return &running{el.Addr().String(), func() { srv.Close() }}
}

type evictingListener struct {
	net.Listener
	max     int
	mu      sync.Mutex
	conns   map[*evConn]struct{}
	changed chan struct{} // a connection closed or went idle
}

type evConn struct {
	net.Conn
	l     *evictingListener
	state http.ConnState // guarded by l.mu
	since time.Time      // when it entered state
	once  sync.Once
}

func (l *evictingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	for {
		l.mu.Lock()
		if len(l.conns) < l.max {
			ec := &evConn{Conn: c, l: l, state: http.StateNew, since: time.Now()}
			l.conns[ec] = struct{}{}
			l.mu.Unlock()
			return ec, nil
		}
		var victim *evConn
		for ec := range l.conns {
			if ec.state != http.StateIdle && ec.state != http.StateNew {
				continue
			}
			if victim == nil || ec.state == http.StateIdle && victim.state != http.StateIdle ||
				ec.state == victim.state && ec.since.Before(victim.since) {
				victim = ec
			}
		}
		l.mu.Unlock()
		if victim != nil {
			victim.Close()
			continue
		}
		<-l.changed
	}
}

func (l *evictingListener) setState(ec *evConn, st http.ConnState) {
	l.mu.Lock()
	ec.state, ec.since = st, time.Now()
	l.mu.Unlock()
	if st == http.StateIdle {
		l.signal()
	}
}

func (l *evictingListener) signal() {
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

func (c *evConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.l.mu.Lock()
		delete(c.l.conns, c)
		c.l.mu.Unlock()
		c.l.signal()
	})
	return err
}

// Command loadcost prints what each loading strategy costs a page, in
// headless Chromium, with the stub widget weighted as a real widget
// (stub.Options ExtraBytes and BusyTime; TypicalExtraBytes and
// TypicalBusyTime by default), against the same page without any widget
// and with eager loading as the baseline, all in the same run. Run it as
//
//	go run ./internal/measure/loadcost [-runs 3] [-extra-bytes N] [-busy 600ms]
//
// For each strategy it reports:
//   - widget requests and bytes before the visitor's first interaction
//     (the network, watched through the DevTools protocol, in the first
//     5 s after navigation);
//   - total blocking time in those 5 s: the sum over long tasks (a
//     PerformanceObserver's longtask entries) of their time beyond 50 ms;
//   - click to open: from the visitor's click (the launcher under
//     interaction; a "Chat" button calling jivokit.load() and open
//     otherwise) to jivo_onOpen, and the widget's own load time (from the
//     request for its script to jivo_onLoadCallback) in the same page.
//
// Each figure is the median of the runs. It needs Chromium
// ($JIVOKIT_CHROMIUM, /usr/bin/chromium, or one on PATH; see e2e.Launch).
// It is a measurement, not a
// test: CI does not run it.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/a-h/templ"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/measure/stats"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

// Goals of the lazy strategies.
const (
	goalTBT     = 10 * time.Millisecond  // interaction and consent against no widget
	goalOpening = 100 * time.Millisecond // interaction: click to open beyond the widget's load
)

// window is how long a page is watched before the visitor interacts.
const window = 5 * time.Second

func main() {
	os.Exit(run(context.Background(), os.Stdout, os.Stderr, os.Args[1:]))
}

func run(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("loadcost", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 3, "page loads per strategy; the table shows medians")
	extra := fs.Int("extra-bytes", stub.TypicalExtraBytes, "bytes of script the stub widget fetches, as a real widget's bundle")
	busy := fs.Duration("busy", stub.TypicalBusyTime, "main-thread work the stub widget does at load, in long tasks of 150 ms")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(stderr, "loadcost: takes no arguments and -runs of at least 1")
		return 2
	}
	weight := stub.Options{ExtraBytes: *extra, BusyTime: *busy}
	if err := weight.Validate(); err != nil {
		fmt.Fprintln(stderr, "loadcost:", err)
		return 2
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(stderr, "loadcost:", err)
		return 1
	}
	srv := &http.Server{Handler: site(weight), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	b, err := e2e.Launch(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "loadcost:", err)
		return 1
	}
	defer b.Close()
	browser := b.Context()

	fmt.Fprintf(stdout, "stub widget weighted as a real one: %d KB of extra script, %v of start-up work; %d runs per strategy, medians\n\n",
		*extra>>10, *busy, *runs)
	strategies := []string{"none", "eager", "idle", "interaction", "consent"}
	results := map[string]result{}
	for _, s := range strategies {
		var rs []result
		for range *runs {
			r, err := measure(browser, base+"/?load="+s)
			if err != nil {
				fmt.Fprintf(stderr, "loadcost: %s: %v\n", s, err)
				return 1
			}
			rs = append(rs, r)
		}
		results[s] = medians(rs)
	}
	print(stdout, strategies, results)
	return 0
}

// result is one page load's figures.
type result struct {
	requests int           // to the widget, before interaction
	bytes    float64       // to the widget, before interaction
	tbt      time.Duration // in the first 5 s
	open     time.Duration // click to jivo_onOpen
	load     time.Duration // the widget's script request to jivo_onLoadCallback
}

// medians is each figure's median over rs.
func medians(rs []result) result {
	pick := func(f func(result) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		return stats.Median(v)
	}
	return result{
		requests: int(math.Round(pick(func(r result) float64 { return float64(r.requests) }))),
		bytes:    pick(func(r result) float64 { return r.bytes }),
		tbt:      time.Duration(pick(func(r result) float64 { return float64(r.tbt) })),
		open:     time.Duration(pick(func(r result) float64 { return float64(r.open) })),
		load:     time.Duration(pick(func(r result) float64 { return float64(r.load) })),
	}
}

func print(w io.Writer, strategies []string, rs map[string]result) {
	eager := rs["eager"]
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "strategy\twidget requests\twidget KB\tvs eager\tTBT 5 s (ms)\tvs eager\tvs no widget (ms)\tclick to open (ms)\twidget load (ms)\t")
	for _, s := range strategies {
		r := rs[s]
		open, load := "-", "-"
		if s != "none" {
			open, load = ms(r.open), ms(r.load)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%s\t%s\t%s\t%+.0f\t%s\t%s\t\n", s, r.requests, r.bytes/1024,
			ratio(r.bytes, eager.bytes), ms(r.tbt), ratio(float64(r.tbt), float64(eager.tbt)),
			float64(r.tbt-rs["none"].tbt)/float64(time.Millisecond), open, load)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, s := range []string{"interaction", "consent"} {
		r := rs[s]
		fmt.Fprintf(w, "%s: %d bytes before intent (goal 0): %s; TBT %s ms vs %s ms without a widget (goal within %v): %s\n", s,
			int(r.bytes), verdict(r.bytes == 0), ms(r.tbt), ms(rs["none"].tbt), goalTBT, verdict(r.tbt-rs["none"].tbt <= goalTBT))
	}
	r := rs["interaction"]
	fmt.Fprintf(w, "interaction: click to open %s ms, widget load %s ms (goal: at most %v more): %s\n",
		ms(r.open), ms(r.load), goalOpening, verdict(r.open <= r.load+goalOpening))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/float64(time.Millisecond)) }

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

// observe is the first script of every page: it records long tasks.
const observe = `window.longTasks = [];
new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push([e.startTime, e.duration]))).observe({type: 'longtask', buffered: true});`

// button is the page's own "Chat" button: consent given and the chat
// asked for at once (eager and idle: the widget is there already).
const button = `document.getElementById('chat').addEventListener('click', () => { jivokit.load(); jivokit.call('open'); });`

// probe records when the visitor clicked, when the widget loaded and when
// the chat opened, in the page's clock.
const probe = `window.marks = {};
addEventListener('click', () => { marks.click = marks.click || performance.now(); }, true);
jivokit.on('jivo_onLoadCallback', () => { marks.loaded = performance.now(); });
jivokit.on('jivo_onOpen', () => { marks.open = marks.open || performance.now(); });`

// site serves the stub and one page per strategy (?load=none|eager|...).
func site(weight stub.Options) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		mode := r.URL.Query().Get("load")
		nonce := "bG9hZG1lYXN1cmU="
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A shop</title>`)
		b.WriteString(`<script nonce="` + nonce + `">` + observe + `</script></head><body>`)
		b.WriteString(`<h1>A shop</h1><p>` + strings.Repeat("Products and prices. ", 200) + `</p>`)
		if mode != "none" {
			widget, err := templates.NewWidget("loadMeas12", stubwidget.With(weight), templates.WithLoad(templates.Load(mode)))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			if err := widget.Snippet(templates.Visitor{}).Render(templ.WithNonce(r.Context(), nonce), &b); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			if mode != "interaction" {
				b.WriteString(`<button id="chat" type="button">Chat</button><script nonce="` + nonce + `">` + button + `</script>`)
			}
			b.WriteString(`<script nonce="` + nonce + `">` + probe + `</script>`)
		}
		b.WriteString(`</body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
	})
	return mux
}

// measure loads url in a fresh browser context (an empty cache) and
// returns its figures.
func measure(browser context.Context, url string) (result, error) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return result{}, err
	}
	var (
		mu    sync.Mutex
		ids   = map[network.RequestID]bool{} // widget requests
		bytes float64
		done  bool // the visitor interacts: stop counting
	)
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if strings.Contains(e.Request.URL, "/jivokit/stub") {
				ids[e.RequestID] = true
			}
		case *network.EventLoadingFinished:
			if ids[e.RequestID] {
				bytes += e.EncodedDataLength
			}
		}
	})
	if err != nil {
		return result{}, err
	}
	limited, cancelRun := context.WithTimeout(ctx, window+30*time.Second)
	defer cancelRun()
	if err := chromedp.Do(limited, chromedp.Navigate(url), chromedp.Sleep(window)); err != nil {
		return result{}, err
	}
	mu.Lock()
	done = true
	r := result{requests: len(ids), bytes: bytes}
	mu.Unlock()
	tbt, err := chromedp.Run(limited, chromedp.Evaluate[float64](
		`longTasks.filter((t) => t[0] < 5000).reduce((s, t) => s + Math.max(0, t[1] - 50), 0)`))
	if err != nil {
		return result{}, err
	}
	r.tbt = time.Duration(tbt * float64(time.Millisecond))
	if strings.HasSuffix(url, "=none") {
		return r, nil
	}
	sel := "#chat"
	if strings.HasSuffix(url, "=interaction") {
		sel = ".jivokit-launcher"
	}
	if err := chromedp.Do(limited, chromedp.Click(chromedp.CSS(sel))); err != nil {
		return result{}, err
	}
	type marks struct{ Click, Loaded, Open, Fetch float64 }
	m, err := chromedp.Run(limited, chromedp.Evaluate[marks](`new Promise((resolve) => {
  const poll = () => marks.open ? resolve({click: marks.click, loaded: marks.loaded, open: marks.open,
    fetch: performance.getEntriesByType('resource').find((e) => e.name.includes('/jivokit/stub.js')).startTime}) : setTimeout(poll, 5);
  poll();
})`, chromedp.EvalAwaitPromise))
	if err != nil {
		return result{}, err
	}
	r.open = time.Duration((m.Open - m.Click) * float64(time.Millisecond))
	r.load = time.Duration((m.Loaded - m.Fetch) * float64(time.Millisecond))
	return r, nil
}

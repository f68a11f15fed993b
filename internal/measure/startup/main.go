// Command startup times how long after navigation a Go/WASM app's
// first jivo_api call reaches the widget, against the same call made by
// inline JavaScript on an otherwise identical page, in headless Chromium.
//
// It builds internal/measure/startup/app with the build `jivokit build` makes
// (package internal/build/wasmbuild), serves it on 127.0.0.1 with assets.Handler
// and the loader of templates.WASMAppFromManifest, the stub widget with
// stub.Handler, and opens three otherwise identical pages in interleaved
// rounds (each page goes first, second and third in turn): plain
// JavaScript making the call through the page runtime, the Go app with
// jivokit's loader, and the Go app with a baseline loader, the one Go's
// own example page uses (wasm_exec.js blocking the parser, then
// WebAssembly.instantiateStreaming of a fetch). For each scenario it prints
// the median time to the first call of each page, the medians of the
// differences within each round, and the median phases of the Go pages:
// the .wasm download, compile and instantiate, Go's start-up (instantiated
// to main) and main to the call at the widget.
//
// Scenarios:
//
//	loopback  each visit in a new browser context (empty HTTP cache)
//	slow      the same over an emulated slow network (-latency, -mbps)
//	repeat    a second visit in the same browser context after a first one,
//	          HTTP cache on; the first visit stays open -settle so that
//	          the browser can store the module's compiled code
//
//	go run ./internal/measure/startup [-pairs 15] [-scenarios loopback,slow,repeat]
//
// It needs Chromium (-chromium PATH, $JIVOKIT_CHROMIUM, /usr/bin/chromium,
// or one on PATH; see e2e.Launch) and serves on loopback only. Every visit is bounded
// (-visit-timeout), and so is the whole run (-timeout).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/build/wasmbuild"
	"github.com/jivokit/jivokit/internal/measure/stats"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
)

func main() {
	os.Exit(run(context.Background(), os.Stdout, os.Stderr, os.Args[1:]))
}

type config struct {
	pairs        int
	scenarios    []string
	chromium     string
	latency      time.Duration
	mbps         float64
	settle       time.Duration
	visitTimeout time.Duration
	pkg          string
	dir          string
	verbose      bool
	noPreload    bool
	jsFlags      string
}

func run(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	var scenarios string
	fs.IntVar(&cfg.pairs, "pairs", 15, "interleaved rounds of visits (one of each page) per scenario")
	fs.StringVar(&scenarios, "scenarios", "loopback,slow,repeat", "comma-separated `list` of loopback, slow, repeat")
	fs.StringVar(&cfg.chromium, "chromium", "", "the browser to run (default $JIVOKIT_CHROMIUM, /usr/bin/chromium, or the first of chromium, google-chrome, ... on PATH)")
	fs.DurationVar(&cfg.latency, "latency", 40*time.Millisecond, "the slow scenario's round-trip latency")
	fs.Float64Var(&cfg.mbps, "mbps", 5.5, "the slow scenario's download bandwidth in Mbit/s")
	fs.DurationVar(&cfg.settle, "settle", 3*time.Second, "how long the repeat scenario's first visit stays open")
	fs.DurationVar(&cfg.visitTimeout, "visit-timeout", 20*time.Second, "the longest one visit may take")
	timeout := fs.Duration("timeout", 15*time.Minute, "the longest the whole run may take")
	fs.StringVar(&cfg.pkg, "pkg", "./internal/measure/startup/app", "the Go `package` to build and time; its first widget call must be setCustomData")
	fs.StringVar(&cfg.dir, "dir", "", "build into and serve this `directory` (default a temporary one); an existing build is reused")
	fs.BoolVar(&cfg.verbose, "v", false, "print every visit")
	fs.StringVar(&cfg.jsFlags, "js-flags", "", "V8 `flags` for the browser (--js-flags), for experiments")
	fs.BoolVar(&cfg.noPreload, "no-preload", false, "drop the loader's preload hint, to measure what it brings")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "startup: no arguments expected")
		return 2
	}
	if cfg.pairs < 1 || cfg.pairs > 200 {
		fmt.Fprintln(stderr, "startup: -pairs must be 1 to 200")
		return 2
	}
	for _, s := range strings.Split(scenarios, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if s != "loopback" && s != "slow" && s != "repeat" {
			fmt.Fprintf(stderr, "startup: unknown scenario %q (want loopback, slow or repeat)\n", s)
			return 2
		}
		cfg.scenarios = append(cfg.scenarios, s)
	}
	if len(cfg.scenarios) == 0 {
		fmt.Fprintln(stderr, "startup: no scenario")
		return 2
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := measure(ctx, stdout, stderr, cfg); err != nil {
		fmt.Fprintln(stderr, "startup:", err)
		return 1
	}
	return 0
}

func measure(ctx context.Context, stdout, stderr io.Writer, cfg config) error {
	// The browser first: without one, nothing is built.
	var opts []e2e.Option
	if cfg.chromium != "" {
		opts = append(opts, e2e.WithChromium(cfg.chromium))
	}
	if cfg.jsFlags != "" {
		opts = append(opts, e2e.WithBrowserFlag("js-flags", cfg.jsFlags))
	}
	b, err := e2e.Launch(ctx, opts...)
	if err != nil {
		return err
	}
	defer b.Close()
	browser := b.Context()

	dir := cfg.dir
	if dir == "" {
		dir, err = os.MkdirTemp("", "startup")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	fmt.Fprintf(stderr, "building %s ...\n", cfg.pkg)
	m, err := wasmbuild.Build(ctx, cfg.pkg, wasmbuild.Options{OutDir: dir, Name: "app", Stderr: stderr})
	if err != nil {
		return err
	}
	srv, err := serve(dir, m, cfg)
	if err != nil {
		return err
	}
	defer srv.Close()

	wasmSize := fileSize(dir, m.WASM)
	brSize := fileSize(dir, m.WASM+".br")
	fmt.Fprintf(stdout, "app %s: %s raw, %s brotli; %d interleaved rounds per scenario\n\n",
		cfg.pkg, kb(wasmSize), kb(brSize), cfg.pairs)
	for _, sc := range cfg.scenarios {
		res, err := scenario(ctx, browser, srv.url, sc, cfg, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", sc, err)
		}
		report(stdout, sc, res, cfg, brSize)
	}
	return nil
}

// server serves the two pages, the app's build directory and the stub.
type server struct {
	url string
	srv *http.Server
}

func (s *server) Close() { s.srv.Close() }

func serve(dir string, m assets.Manifest, cfg config) (*server, error) {
	app, err := templates.WASMAppFromManifest("/app/", m)
	if err != nil {
		return nil, err
	}
	var loader strings.Builder
	if err := app.Render(context.Background(), &loader); err != nil {
		return nil, err
	}
	goHead := loader.String()
	if cfg.noPreload {
		start := strings.Index(goHead, "<link rel=\"preload\"")
		end := strings.Index(goHead[max(start, 0):], ">")
		if start < 0 || end < 0 {
			return nil, errors.New("the loader has no preload hint to drop")
		}
		goHead = goHead[:start] + goHead[start+end+1:]
	}
	goPage := htmlPage(goHead)
	// The baseline: the loader most Go/WASM pages have, after Go's own
	// example: wasm_exec.js blocking the parser, then instantiateStreaming
	// of a fetch, with the same preload and inline runtime.
	baseHead := goHead[:strings.Index(goHead, "<script src=")] +
		`<script src="` + app.ExecURL + `"></script>` + "\n" +
		`<script>(() => { const go = new Go(); WebAssembly.instantiateStreaming(fetch(` + strconv.Quote(app.WASMURL) +
		`), go.importObject).then((r) => go.run(r.instance)); })();</script>`
	basePage := htmlPage(baseHead)
	jsPage := htmlPage("<script>" + runtime.Script + "</script>\n" +
		`<script>jivokit.call("setCustomData", [{"content": "pro", "title": "plan"}]);</script>`)

	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS(dir))))
	mux.Handle("/jivokit/", stub.Handler())
	for path, body := range map[string]string{pageGo: goPage, pageJS: jsPage, pageBase: basePage} {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			io.WriteString(w, body)
		})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return &server{url: "http://" + ln.Addr().String(), srv: srv}, nil
}

// htmlPage is the page both variants share: the widget's script in the head,
// then the variant's own, and a body of text.
func htmlPage(head string) string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>startup</title>
<script src="` + stub.Path + `" async></script>
` + head + `
</head>
<body>
<h1>A page with a chat widget</h1>
<p>` + strings.Repeat("Some text of the page. ", 200) + `</p>
</body>
</html>
`
}

// probe marks, with User Timing, when the page first asks WebAssembly to
// compile and when a module is compiled and instantiated, whichever API the
// loader uses.
const probe = `(() => {
  const W = globalThis.WebAssembly;
  if (!W) return;
  const mark = (n) => { if (!performance.getEntriesByName(n).length) performance.mark(n); };
  const wrap = (name, done) => {
    const f = W[name];
    if (typeof f !== "function") return;
    W[name] = function (...args) {
      mark("startup:compile-start");
      return f.apply(this, args).then((r) => { done(r); return r; });
    };
  };
  wrap("compileStreaming", () => mark("startup:compiled"));
  wrap("compile", () => mark("startup:compiled"));
  wrap("instantiateStreaming", () => { mark("startup:compiled"); mark("startup:instantiated"); });
  wrap("instantiate", () => { mark("startup:compiled"); mark("startup:instantiated"); });
})();`

// collect waits for the stub's first setCustomData and reads the page's
// timings, in milliseconds from navigation start.
const collect = `new Promise((resolve) => {
  const t0 = Date.now();
  const poll = () => {
    const s = window.jivokitStub;
    const c = s && s.calls().find((c) => c.method === "setCustomData");
    if (!c && Date.now() - t0 < %d) { setTimeout(poll, 5); return; }
    const at = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : -1; };
    const w = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    const nav = performance.getEntriesByType("navigation")[0];
    resolve({
      call: c ? c.time - performance.timeOrigin : -1,
      responseStart: nav ? nav.responseStart : -1,
      wasmStart: w ? w.startTime : -1,
      wasmFirstByte: w ? w.responseStart : -1,
      wasmEnd: w ? w.responseEnd : -1,
      wasmTransfer: w ? w.transferSize : -1,
      compileStart: at("startup:compile-start"),
      compiled: at("startup:compiled"),
      instantiated: at("startup:instantiated"),
      main: at("startup:main"),
    });
  };
  poll();
})`

// visit is what one page load measured, in ms from navigation start; -1
// for what did not happen.
type visit struct {
	Call          float64 `json:"call"`
	ResponseStart float64 `json:"responseStart"`
	WASMStart     float64 `json:"wasmStart"`
	WASMFirstByte float64 `json:"wasmFirstByte"`
	WASMEnd       float64 `json:"wasmEnd"`
	WASMTransfer  float64 `json:"wasmTransfer"`
	CompileStart  float64 `json:"compileStart"`
	Compiled      float64 `json:"compiled"`
	Instantiated  float64 `json:"instantiated"`
	Main          float64 `json:"main"`
}

// round is one visit of each page, keyed by its path.
type round map[string]visit

// The pages: plain JavaScript, the Go app with jivokit's loader, and the
// same app with the baseline loader.
const (
	pageJS   = "/js"
	pageGo   = "/go"
	pageBase = "/base"
)

func scenario(ctx context.Context, browser context.Context, base, sc string, cfg config, stderr io.Writer) ([]round, error) {
	pages := []string{pageJS, pageGo, pageBase}
	var out []round
	for i := range cfg.pairs + 1 { // the first round warms up the browser and is dropped
		r := round{}
		for k := range pages { // each page goes first, second and third in turn
			path := pages[(i+k)%len(pages)]
			v, err := load(ctx, browser, base+path, sc, cfg)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			if v.Call < 0 {
				return nil, fmt.Errorf("%s: no setCustomData call reached the widget within %v", path, cfg.visitTimeout)
			}
			r[path] = v
		}
		if cfg.verbose {
			fmt.Fprintf(stderr, "%s round %d: js %.0f ms, go %.0f ms, baseline %.0f ms; go %+v\n",
				sc, i, r[pageJS].Call, r[pageGo].Call, r[pageBase].Call, r[pageGo])
		}
		if i > 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// load opens url in a new browser context as the scenario says and returns
// what the measured visit saw.
func load(ctx context.Context, browser context.Context, url, sc string, cfg config) (visit, error) {
	// A first visit opens a new browser context, whose caches are empty. A
	// repeat visit opens a tab in the default one and clears the HTTP cache
	// first: Chromium keeps no compiled code for a context of its own (an
	// incognito one), only for the profile's.
	var opts []chromedp.ContextOption
	if sc != "repeat" {
		opts = append(opts, chromedp.WithNewBrowserContext())
	}
	tab, cancel := chromedp.NewContext(browser, opts...)
	defer cancel()
	if err := chromedp.Do(tab); err != nil {
		return visit{}, err
	}
	if sc == "repeat" {
		if _, err := chromedp.Call(tab, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			return visit{}, err
		}
	}
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		return visit{}, err
	}
	if sc == "slow" {
		if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
			return visit{}, err
		}
		bytesPerSec := cfg.mbps * 1e6 / 8
		_, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{
				Latency:            float64(cfg.latency) / float64(time.Millisecond),
				DownloadThroughput: bytesPerSec,
				UploadThroughput:   bytesPerSec,
			}},
		})
		if err != nil {
			return visit{}, err
		}
	}
	once := func() (visit, error) {
		vctx, vcancel := context.WithTimeout(tab, cfg.visitTimeout+10*time.Second)
		defer vcancel()
		if err := chromedp.Do(vctx, chromedp.Navigate(url)); err != nil {
			return visit{}, err
		}
		return chromedp.Run(vctx, chromedp.Evaluate[visit](fmt.Sprintf(collect, cfg.visitTimeout.Milliseconds()), chromedp.EvalAwaitPromise))
	}
	if sc == "repeat" {
		if _, err := once(); err != nil {
			return visit{}, err
		}
		select {
		case <-time.After(cfg.settle):
		case <-ctx.Done():
			return visit{}, ctx.Err()
		}
		if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
			return visit{}, err
		}
	}
	return once()
}

func report(w io.Writer, sc string, res []round, cfg config, brSize int64) {
	title := map[string]string{
		"loopback": "first visit, loopback",
		"slow":     fmt.Sprintf("first visit, emulated %.1f Mbit/s, %v latency", cfg.mbps, cfg.latency),
		"repeat":   fmt.Sprintf("repeat visit, HTTP cache on (first visit open %v)", cfg.settle),
	}[sc]
	// med is the median of f over the rounds, leaving out what did not happen.
	med := func(f func(r round) float64) float64 {
		var xs []float64
		for _, r := range res {
			if x := f(r); !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		return stats.Median(xs)
	}
	call := func(page string) func(r round) float64 { return func(r round) float64 { return r[page].Call } }
	diff := func(a, b string) func(r round) float64 {
		return func(r round) float64 { return r[a].Call - r[b].Call }
	}
	fmt.Fprintf(w, "## %s\n\n", title)
	fmt.Fprintf(w, "| first call at the widget, ms after navigation start | plain JS | Go/WASM | Go/WASM, baseline loader |\n|---|---|---|---|\n")
	fmt.Fprintf(w, "| median | %.0f | %.0f | %.0f |\n", med(call(pageJS)), med(call(pageGo)), med(call(pageBase)))
	fmt.Fprintf(w, "| median of the differences to plain JS in each round | | %+.0f | %+.0f |\n", med(diff(pageGo, pageJS)), med(diff(pageBase, pageJS)))
	fmt.Fprintf(w, "| median of the differences to the baseline loader | | %+.0f | |\n\n", med(diff(pageGo, pageBase)))

	fmt.Fprintf(w, "| Go pages, medians (ms) | Go/WASM | baseline loader |\n|---|---|---|\n")
	at := func(page string, f func(v visit) float64) func(r round) float64 {
		return func(r round) float64 {
			if x := f(r[page]); x >= 0 {
				return x
			}
			return math.NaN()
		}
	}
	span := func(page string, a, b func(v visit) float64) func(r round) float64 {
		return func(r round) float64 {
			x, y := a(r[page]), b(r[page])
			if x < 0 || y < 0 {
				return math.NaN()
			}
			return y - x
		}
	}
	var (
		responseStart = func(v visit) float64 { return v.ResponseStart }
		wasmStart     = func(v visit) float64 { return v.WASMStart }
		wasmEnd       = func(v visit) float64 { return v.WASMEnd }
		compileStart  = func(v visit) float64 { return v.CompileStart }
		instantiated  = func(v visit) float64 { return v.Instantiated }
		mainStart     = func(v visit) float64 { return v.Main }
		firstCall     = func(v visit) float64 { return v.Call }
		transfer      = func(v visit) float64 { return v.WASMTransfer }
	)
	rows := []struct {
		name string
		f    func(page string) func(r round) float64
	}{
		{"page's first byte", func(p string) func(round) float64 { return at(p, responseStart) }},
		{".wasm request starts", func(p string) func(round) float64 { return at(p, wasmStart) }},
		{".wasm last byte", func(p string) func(round) float64 { return at(p, wasmEnd) }},
		{"compile starts", func(p string) func(round) float64 { return at(p, compileStart) }},
		{"instantiated", func(p string) func(round) float64 { return at(p, instantiated) }},
		{"main starts", func(p string) func(round) float64 { return at(p, mainStart) }},
		{"first call at the widget", func(p string) func(round) float64 { return at(p, firstCall) }},
		{"download (.wasm request to last byte)", func(p string) func(round) float64 { return span(p, wasmStart, wasmEnd) }},
		{"compile + instantiate (compile start to instantiated)", func(p string) func(round) float64 { return span(p, compileStart, instantiated) }},
		{"instantiated after the last byte", func(p string) func(round) float64 { return span(p, wasmEnd, instantiated) }},
		{"Go start-up (instantiated to main)", func(p string) func(round) float64 { return span(p, instantiated, mainStart) }},
		{"main to the call at the widget", func(p string) func(round) float64 { return span(p, mainStart, firstCall) }},
		{".wasm bytes over the network (transferSize)", func(p string) func(round) float64 { return at(p, transfer) }},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %.0f | %.0f |\n", r.name, med(r.f(pageGo)), med(r.f(pageBase)))
	}
	if sc == "slow" {
		fmt.Fprintf(w, "\nThe .wasm's %s brotli at %.1f Mbit/s take %.0f ms at the least (bytes / bandwidth), plus %v latency per request.\n",
			kb(brSize), cfg.mbps, float64(brSize)*8/(cfg.mbps*1e6)*1000, cfg.latency)
	}
	fmt.Fprintln(w)
}

func kb(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

func fileSize(dir, name string) int64 {
	fi, err := os.Stat(dir + string(os.PathSeparator) + name)
	if err != nil {
		return -1
	}
	return fi.Size()
}

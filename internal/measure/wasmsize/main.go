// Command wasmsize prints what the Go/WASM bridge (wasm/jivo) costs: the
// size it adds to a program, raw and gzipped, and the time of one typed
// call under Node against the cheapest raw syscall/js call that hands the
// widget the same arguments, from the benchmarks in wasm/jivo, all in the
// same run.
//
// Sizes are against two baselines built in the same run: hello, a
// syscall/js program that says hello, and hello + context, the same
// program passing a context.Context to a function, which keeps packages
// context and time in the binary as any program calling a ctx-taking API
// does. The bridge's own cost is what it adds to the second; what it adds
// to the first also counts context and time.
//
//	go run ./internal/measure/wasmsize [-benchtime 3000x] [-count 5]
//
// It needs Node.js (node on PATH) for the call cost.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/jivokit/jivokit/internal/build/gen"
)

// Goals the bridge is held to.
const (
	goalRaw   = 150 << 10
	goalGzip  = 50 << 10
	goalRatio = 2.0
)

func main() {
	os.Exit(run(context.Background(), os.Stdout, os.Stderr, os.Args[1:]))
}

func run(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("wasmsize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	benchtime := fs.String("benchtime", "3000x", "`time or Nx` per benchmark run, as go test -benchtime")
	count := fs.Int("count", 5, "runs of each benchmark; the table shows the fastest, the least disturbed by other load")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "wasmsize: no arguments expected")
		return 2
	}
	root, err := gen.Root(".")
	if err != nil {
		fmt.Fprintln(stderr, "wasmsize:", err)
		return 1
	}
	if err := sizes(ctx, stdout, root); err != nil {
		fmt.Fprintln(stderr, "wasmsize:", err)
		return 1
	}
	if err := speed(ctx, stdout, root, *benchtime, *count); err != nil {
		fmt.Fprintln(stderr, "wasmsize:", err)
		return 1
	}
	return 0
}

func wasmEnv() []string { return append(os.Environ(), "GOOS=js", "GOARCH=wasm") }

// sizes builds the baseline and the program using every bridge function,
// with default flags and stripped, and prints what the bridge adds.
func sizes(ctx context.Context, w io.Writer, root string) error {
	dir, err := os.MkdirTemp("", "wasmsize")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	fmt.Fprintf(w, "Size of a GOOS=js GOARCH=wasm program (%s); gzip at best compression\n", runtime.Version())
	programs := []struct{ pkg, title string }{
		{"hello", "hello, syscall/js"},
		{"hellocontext", "hello + a context.Context argument"},
		{"allmethods", "hello + every bridge function"},
	}
	for _, build := range []struct{ name, ldflags string }{{"go build", ""}, {`-ldflags="-s -w"`, "-s -w"}} {
		fmt.Fprintf(w, "\n%-58s %11s %11s\n", "program ("+build.name+")", "raw", "gzip")
		raw, gz := map[string]int{}, map[string]int{}
		for _, p := range programs {
			out := filepath.Join(dir, p.pkg+".wasm")
			cmd := exec.CommandContext(ctx, "go", "build", "-o", out)
			if build.ldflags != "" {
				cmd.Args = append(cmd.Args, "-ldflags="+build.ldflags)
			}
			cmd.Args = append(cmd.Args, "./internal/measure/wasmsize/"+p.pkg)
			cmd.Dir, cmd.Env = root, wasmEnv()
			if msg, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("building %s: %v\n%s", p.pkg, err, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				return err
			}
			raw[p.pkg], gz[p.pkg] = len(data), gzipSize(data)
			fmt.Fprintf(w, "%-58s %11s %11s\n", p.title, kb(raw[p.pkg]), kb(gz[p.pkg]))
		}
		// Two baselines: every program that calls an API taking a
		// context.Context pays for context and time (hellocontext over
		// hello) whatever the API does; what remains is the bridge's own.
		fmt.Fprintf(w, "\n%-58s %11s %11s\n", "what it adds ("+build.name+")", "raw", "gzip")
		for _, d := range []struct {
			title    string
			to, from string
			goal     bool
		}{
			{"context + time, to hello (any API taking a ctx pays it)", "hellocontext", "hello", false},
			{"the bridge, to hello + context (the bridge's own cost)", "allmethods", "hellocontext", true},
			{"the bridge, to plain hello (both of the above)", "allmethods", "hello", true},
		} {
			dr, dg := raw[d.to]-raw[d.from], gz[d.to]-gz[d.from]
			fmt.Fprintf(w, "%-58s %11s %11s", d.title, kb(dr), kb(dg))
			if d.goal {
				fmt.Fprintf(w, "   goal <= %s / %s: %s", kb(goalRaw), kb(goalGzip), verdict(dr <= goalRaw && dg <= goalGzip))
			}
			fmt.Fprintln(w)
		}
		if build.ldflags == "" {
			summary(w, raw, gz)
		}
	}
	fmt.Fprintln(w)
	return nil
}

// summary says in words how the default build meets the size goal against
// each baseline, and why the two differ.
func summary(w io.Writer, raw, gz map[string]int) {
	judge := func(from string) string {
		r, g := raw["allmethods"]-raw[from], gz["allmethods"]-gz[from]
		return fmt.Sprintf("%s raw (%s) / %s gzip (%s)", kb(r), verdict(r <= goalRaw), kb(g), verdict(g <= goalGzip))
	}
	fmt.Fprintf(w, "\nGoal: the bridge adds at most %s raw / %s gzip.\n", kb(goalRaw), kb(goalGzip))
	fmt.Fprintf(w, "- Against hello, a hello-world syscall/js program that uses no context (the goal's baseline): %s.\n", judge("hello"))
	fmt.Fprintf(w, "  Of that, %s / %s is packages context and time, which the bridge's API brings:\n",
		kb(raw["hellocontext"]-raw["hello"]), kb(gz["hellocontext"]-gz["hello"]))
	fmt.Fprintln(w, "  its functions take a context.Context, and any program passing one pays for them.")
	fmt.Fprintf(w, "- Against hello + context, the bridge's own cost: %s.\n", judge("hellocontext"))
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Len()
}

func kb(n int) string { return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KB" }

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// speed runs the bridge's benchmarks under Node and prints each typed call
// against the cheapest raw call of the same run.
func speed(ctx context.Context, w io.Writer, root, benchtime string, count int) error {
	if _, err := exec.LookPath("node"); err != nil {
		return fmt.Errorf("the call cost is measured under Node.js: install node (%v)", err)
	}
	goroot, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	execPath := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec")
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", ".", "-benchtime", benchtime, "-count", strconv.Itoa(count),
		"-exec", execPath, "./wasm/jivo")
	cmd.Dir, cmd.Env = root, wasmEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("benchmarks: %v\n%s", err, out)
	}
	ns := map[string]float64{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		v, _ := strconv.ParseFloat(m[2], 64)
		name, variant, _ := strings.Cut(m[1], "/")
		if _, ok := ns[name+"/bridge"]; !ok && variant == "bridge" {
			order = append(order, name)
		}
		if old, ok := ns[name+"/"+variant]; !ok || v < old {
			ns[name+"/"+variant] = v
		}
	}
	if len(order) == 0 {
		return fmt.Errorf("no benchmark results in:\n%s", out)
	}
	fmt.Fprintf(w, "Cost of one call under Node %s, loaded fake widget, same run (go test -bench ./wasm/jivo,\n-benchtime %s, fastest of %d runs)\n\n", nodeVersion(ctx), benchtime, count)
	fmt.Fprintf(w, "%-16s %12s  %-34s %8s\n", "call", "bridge", "cheapest raw syscall/js call", "ratio")
	for _, name := range order {
		bridge := ns[name+"/bridge"]
		best, bestName := 0.0, ""
		for key, v := range ns {
			if variant, ok := strings.CutPrefix(key, name+"/raw"); ok && (best == 0 || v < best) {
				best, bestName = v, "raw"+variant
			}
		}
		if best == 0 {
			return fmt.Errorf("benchmark %s has no raw variant", name)
		}
		ratio := bridge / best
		fmt.Fprintf(w, "%-16s %12s  %-34s %7.2fx   goal <= %.0fx: %s\n", name, us(bridge), us(best)+" ("+bestName+")", ratio, goalRatio, verdict(ratio <= goalRatio))
		for key, v := range ns {
			if variant, ok := strings.CutPrefix(key, name+"/raw"); ok && "raw"+variant != bestName {
				fmt.Fprintf(w, "%-16s %12s  %-34s %7.2fx\n", "", "", us(v)+" (raw"+variant+")", bridge/v)
			}
		}
	}
	fmt.Fprintln(w, "\nraw: js.Global().Get(\"jivo_api\").Call(name, args) with js.ValueOf of maps for objects;")
	fmt.Fprintln(w, "raw-cached / raw-set: jivo_api cached, objects built with cached constructors and Set;")
	fmt.Fprintln(w, "raw-json: jivo_api and JSON.parse cached, the text written with strconv.AppendQuote, one parse.")
	fmt.Fprintln(w, "Each typed call is compared with the fastest raw variant of its benchmark.")
	return nil
}

func us(ns float64) string { return strconv.FormatFloat(ns/1000, 'f', 2, 64) + " µs" }

func nodeVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "node", "--version").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

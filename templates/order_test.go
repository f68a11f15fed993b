package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// checkPageOrder fails t with each problem pageOrderProblems finds.
func checkPageOrder(t *testing.T, page string, widgetSrc, runtimeURL string) {
	t.Helper()
	for _, p := range pageOrderProblems(t, page, widgetSrc, runtimeURL) {
		t.Errorf("%s:\n%s", p, page)
	}
}

// pageOrderProblems checks the order of what a page rendered from the
// widget snippet and WASM apps needs: one runtime, before the widget's
// script (which may run as soon as it loads, and must find
// jivo_onLoadCallback owned) and before each WASM loader (whose program
// calls window.jivokit); the configuration block before the widget's
// script; wasm_exec.js before each loader. The configuration block may
// follow the runtime: the runtime reads it when the widget loads.
func pageOrderProblems(t *testing.T, page string, widgetSrc, runtimeURL string) []string {
	t.Helper()
	var problems []string
	seen := map[string]bool{}
	needs := func(what string, before ...string) {
		for _, b := range before {
			if !seen[b] {
				problems = append(problems, what+" comes before the "+b)
			}
		}
	}
	runtimes := 0
	for _, e := range parseScripts(t, page) {
		switch {
		case e.tag != "script":
		case e.attrs["id"] == jsapi.ConfigElementID:
			seen["configuration block"] = true
		case e.text == runtime.Script || runtimeURL != "" && e.attrs["src"] == runtimeURL:
			runtimes++
			seen["runtime"] = true
		case hasAttr(e, "data-wasm"):
			needs("a WASM loader", "runtime", "wasm_exec.js")
		case strings.HasSuffix(e.attrs["src"], "wasm_exec.js"):
			seen["wasm_exec.js"] = true
		case widgetSrc != "" && e.attrs["src"] == widgetSrc:
			needs("the widget's script", "runtime", "configuration block")
		}
	}
	if runtimes > 1 {
		problems = append(problems, "the runtime is rendered "+strconv.Itoa(runtimes)+" times")
	}
	return problems
}

func TestPageOrderProblems(t *testing.T) {
	rt := "<script>" + runtime.Script + "</script>"
	const (
		cfg    = `<script type="application/json" id="jivokit-config">{}</script>`
		widget = `<script src="//w/x" async></script>`
		exec   = `<script src="/jivokit/wasm_exec.js"></script>`
		loader = `<script data-wasm="/a.wasm"></script>`
	)
	for _, tt := range []struct {
		page string
		want []string
	}{
		{cfg + rt + widget + exec + loader, nil},
		{rt + exec + loader + cfg + widget, nil},
		{rt + widget + cfg, []string{"the widget's script comes before the configuration block"}},
		{cfg + widget + rt, []string{"the widget's script comes before the runtime"}},
		{exec + loader + rt, []string{"a WASM loader comes before the runtime"}},
		{rt + loader + exec, []string{"a WASM loader comes before the wasm_exec.js"}},
		{cfg + rt + rt + widget, []string{"the runtime is rendered 2 times"}},
	} {
		got := pageOrderProblems(t, tt.page, "//w/x", "")
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", readable(tt.page), got, tt.want)
		}
	}
}

// TestPageOrderInNode renders the widget snippet and a WASM app in either
// order and runs the page's scripts in Node in document order, then loads a
// fake widget: the runtime must apply the configuration block whether it
// comes before or after the runtime.
func TestPageOrderInNode(t *testing.T) {
	node := testtool.Node(t)
	w := newTestWidget(t)
	v := Visitor{Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann"},
		Invitation:  &jsapi.Invitation{Text: "Hi"},
	}}
	app := WASMApp{WASMURL: "/app.wasm"}
	for _, tt := range []struct {
		name string
		page templ.Component
	}{
		{"snippet first", templ.Join(w.Snippet(v), app)},
		{"WASM app first", templ.Join(app, w.Snippet(v))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			// Components rendered one by one from Go share a page only
			// through an initialized context (templ.WithNonce does it too).
			if err := tt.page.Render(templ.InitializeContext(context.Background()), &b); err != nil {
				t.Fatal(err)
			}
			checkPageOrder(t, b.String(), w.ScriptURL(), "")
			type el struct {
				Attrs map[string]string `json:"attrs"`
				Text  string            `json:"text"`
			}
			in := struct {
				Elements []el              `json:"elements"`
				Sources  map[string]string `json:"sources"`
				Widget   string            `json:"widget"`
			}{Sources: map[string]string{}, Widget: w.ScriptURL()}
			for _, e := range parseScripts(t, b.String()) {
				in.Elements = append(in.Elements, el{e.attrs, e.text})
			}
			data, _ := json.Marshal(in)
			file := filepath.Join(t.TempDir(), "page.json")
			if d := os.Getenv("KEEP"); d != "" {
				file = filepath.Join(d, strings.ReplaceAll(tt.name, " ", "-")+".json")
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(node, filepath.Join("testdata", "page", "run.js"), file).Output()
			if err != nil {
				t.Fatalf("node: %v\n%s", err, out)
			}
			var res struct {
				Calls       [][]any
				Errors      []string
				WidgetLoads int
			}
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			want := [][]any{
				{"setContactInfo", map[string]any{"name": "Ann"}},
				{"showProactiveInvitation", "Hi"},
			}
			if res.WidgetLoads != 1 || len(res.Errors) > 0 || !reflect.DeepEqual(res.Calls, want) {
				t.Errorf("the widget loaded %d times and got %v, want %v; errors: %q\n%s", res.WidgetLoads, res.Calls, want, res.Errors, readable(b.String()))
			}
		})
	}
}

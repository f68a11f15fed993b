package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenInput is a case's input.json: a widget, a visitor, a nonce, and
// optionally a WASM app rendered on the same page.
type goldenInput struct {
	WidgetID   string           `json:"widget_id"`
	Host       string           `json:"host"`
	Stub       *goldenStub      `json:"stub"`
	StubURL    string           `json:"stub_url"`
	RuntimeURL string           `json:"runtime_url"`
	SafeHosts  []string         `json:"safe_hosts"`
	Tokens     bool             `json:"tokens"` // sign with usertokentest.Secret, ttl 1h, at goldenNow
	Nonce      string           `json:"nonce"`
	VisitorID  string           `json:"visitor_id"`
	Config     jsapi.PageConfig `json:"config"`
	NoWidget   bool             `json:"no_widget"`
	WASM       *WASMApp         `json:"wasm"`
	WASMFirst  bool             `json:"wasm_first"` // render the WASM app before the snippet
}

type goldenStub struct {
	LoadDelayMS       int  `json:"load_delay_ms"`
	Offline           bool `json:"offline"`
	CallbacksDisabled bool `json:"callbacks_disabled"`
	NeverLoad         bool `json:"never_load"`
}

var goldenNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// TestGolden renders each case under testdata/golden/<case>/ from its
// input.json and compares with expected.html (the output with a line break
// after each element; the inline runtime and loader scripts are written as
// {{runtime}} and {{loader}}) and expected_report.txt (what was left out).
// On a mismatch it writes actual.html / actual_report.txt beside them;
// -update rewrites the expected files.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "input.json"))
			if err != nil {
				t.Fatal(err)
			}
			var in goldenInput
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&in); err != nil {
				t.Fatalf("input.json: %v", err)
			}
			html, report := renderGolden(t, in)
			compareGolden(t, dir, "expected.html", "actual.html", html)
			compareGolden(t, dir, "expected_report.txt", "actual_report.txt", report)
		})
	}
}

func renderGolden(t *testing.T, in goldenInput) (html, report string) {
	t.Helper()
	var opts []Option
	if in.Host != "" {
		opts = append(opts, WithHost(in.Host))
	}
	if in.Stub != nil {
		opts = append(opts, withStubURL(in.StubURL, stub.Options{
			LoadDelay:         time.Duration(in.Stub.LoadDelayMS) * time.Millisecond,
			Offline:           in.Stub.Offline,
			CallbacksDisabled: in.Stub.CallbacksDisabled,
			NeverLoad:         in.Stub.NeverLoad,
		}))
	}
	if in.RuntimeURL != "" {
		opts = append(opts, WithRuntimeURL(in.RuntimeURL))
	}
	if len(in.SafeHosts) > 0 {
		opts = append(opts, WithSafeHosts(in.SafeHosts...))
	}
	if in.Tokens {
		opts = append(opts, WithVisitorTokens(usertokentest.Signer(t), time.Hour))
	}
	var reports []string
	opts = append(opts, WithErrorHandler(func(_ context.Context, err error) {
		var re *RenderError
		if !errors.As(err, &re) {
			t.Errorf("report got %T, want *RenderError", err)
		}
		reports = append(reports, err.Error())
	}))
	w, err := NewWidget(in.WidgetID, opts...)
	if err != nil {
		return "", "NewWidget: " + err.Error() + "\n"
	}
	w.now = func() time.Time { return goldenNow }

	ctx := context.Background()
	if in.Nonce != "" {
		ctx = templ.WithNonce(ctx, in.Nonce)
	}
	var page templ.Component = templ.NopComponent
	if !in.NoWidget {
		page = w.Snippet(Visitor{ID: in.VisitorID, Config: in.Config})
	}
	widgetSrc, runtimeURL := w.ScriptURL(), in.RuntimeURL
	if in.NoWidget {
		widgetSrc = ""
	}
	if in.WASM != nil {
		if in.WASMFirst {
			page = templ.Join(*in.WASM, page)
		} else {
			page = templ.Join(page, *in.WASM)
		}
		if runtimeURL == "" {
			runtimeURL = in.WASM.RuntimeURL
		}
	}
	var b bytes.Buffer
	if err := page.Render(templ.InitializeContext(ctx), &b); err != nil {
		reports = append(reports, "Render: "+err.Error())
	}
	checkPageOrder(t, b.String(), widgetSrc, runtimeURL)
	if len(reports) == 0 {
		reports = []string{"nothing left out"}
	}
	return readable(b.String()), strings.Join(reports, "\n") + "\n"
}

// readable puts each element on its own line and names the inline scripts
// that have their own tests, so that the golden files change only with
// the markup.
func readable(html string) string {
	html = strings.ReplaceAll(html, ">"+runtime.Script+"</script>", ">{{runtime}}</script>")
	html = strings.ReplaceAll(html, ">"+wasmLoaderJS.js+"</script>", ">{{loader}}</script>")
	html = strings.ReplaceAll(html, ">"+runtime.Loader+"</script>", ">{{runtime loader}}</script>")
	html = strings.ReplaceAll(html, "</script>", "</script>\n")
	html = strings.ReplaceAll(html, " crossorigin>", " crossorigin>\n")
	return html
}

func compareGolden(t *testing.T, dir, expectedName, actualName, got string) {
	t.Helper()
	expectedPath, actualPath := filepath.Join(dir, expectedName), filepath.Join(dir, actualName)
	if *update {
		if err := os.WriteFile(expectedPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(actualPath)
		return
	}
	want, err := os.ReadFile(expectedPath)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
	}
	if string(want) == got {
		os.Remove(actualPath)
		return
	}
	if err := os.WriteFile(actualPath, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Errorf("%s differs; got written to %s (-update accepts it):\n%s", expectedPath, actualPath, lineDiff(string(want), got))
}

// lineDiff shows the lines that differ, marked - (expected) and + (got).
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// Longest common subsequence, fine for files of a few dozen lines.
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+%d: %s\n", j+1, b[j])
			j++
		default:
			fmt.Fprintf(&out, "-%d: %s\n", i+1, a[i])
			i++
		}
	}
	return out.String()
}

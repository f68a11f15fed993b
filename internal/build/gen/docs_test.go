package gen

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

func TestAPIReferenceCoversTheSpec(t *testing.T) {
	d, err := docsFile()
	if err != nil {
		t.Fatal(err)
	}
	md := string(d)
	want := []string{"(runtime.md)", "## Methods", "## Callbacks", "## Values", "## The configuration block", "### PageConfig", "## Validation rules"}
	for _, r := range jsapi.ValidationRules().Index {
		row := "| `" + r.Name + "` | " + docsCell(r.Check) + " | " + r.Kind.String() + " | "
		if r.Kind == jsapi.KindVendor {
			row += docsCell(r.Source)
		}
		want = append(want, row)
	}
	for _, m := range jsapi.Methods() {
		want = append(want, "### "+m.Name+"\n", "](#"+strings.ToLower(m.Name)+")", "`jivo."+m.GoName+"`")
		for _, p := range m.Params {
			want = append(want, "| `"+p.Name+"` |")
		}
	}
	for _, c := range jsapi.Callbacks() {
		want = append(want, "### "+c.Name+"\n", "window."+c.Name+" = (", "`jivo."+c.GoName+"`")
	}
	for _, s := range jsapi.Shapes() {
		want = append(want, "### "+s.Name+"\n")
		for _, f := range s.Fields {
			want = append(want, "| `"+f.Name+"` |")
		}
	}
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("docs/api.md lacks %q", w)
		}
	}
}

func TestAPIReferenceAnswers(t *testing.T) {
	d, err := docsFile()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"jivo_api.getVisitorNumber(callback: (err: unknown, value: number) => void): void",
		"called once as `callback(err, value)` with a `number`",
		"returns `{result: 'ok'}` or `{result: 'fail', error}`",        // sendOfflineMessage
		"| `options` | [`OpenOptions`](#openoptions) | no |",           // linked shape, optional
		"| `[id: string]` | `string \\| number` | no | an attribute's", // escaped |
		"jivo_init(): void",
		"It is never queued",
	} {
		if !strings.Contains(string(d), w) {
			t.Errorf("docs/api.md lacks %q", w)
		}
	}
	if strings.Contains(string(d), "<script") && !strings.Contains(string(d), "`<script") {
		t.Error("docs/api.md has raw HTML outside code")
	}
}

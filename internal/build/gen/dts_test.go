package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/jsapi"
)

// TestDeclarationsTypeCheck runs tsc --noEmit --strict over jivo_api.d.ts
// and tools/tsc/usage.ts, whose expected errors make sure wrong calls are
// rejected. It needs `npm ci --prefix tools/tsc`.
func TestDeclarationsTypeCheck(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	tsc := filepath.Join(root, "tools", "tsc", "node_modules", "typescript", "bin", "tsc")
	node := testtool.Node(t)
	if _, err := os.Stat(tsc); err != nil {
		testtool.Missing(t, "tsc is not installed (run `npm ci --prefix tools/tsc`): jivo_api.d.ts is not type-checked")
	}
	cmd := exec.Command(node, tsc, "-p", filepath.Join(root, "tools", "tsc", "tsconfig.json"), "--noEmit", "--strict")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tsc rejected the declarations: %v\n%s", err, out)
	}
}

func TestDeclarationsCoverTheSpec(t *testing.T) {
	d, err := dtsFile()
	if err != nil {
		t.Fatal(err)
	}
	ts := string(d)
	want := []string{"interface JivoApi {", "interface JivokitRuntime {", "declare global {", "interface PageConfig {"}
	for _, m := range jsapi.Methods() {
		want = append(want, "  "+m.Name+": { args: [")
		if m.Global {
			want = append(want, "    "+m.Name+"?: (")
		} else {
			want = append(want, "  "+m.Name+"(")
		}
	}
	for _, c := range jsapi.Callbacks() {
		want = append(want, "  "+c.Name+": (", "    "+c.Name+"?: JivoCallbacks")
	}
	for _, s := range jsapi.Shapes() {
		if len(s.Enum) > 0 {
			want = append(want, "export type "+s.Name+" = ")
		} else {
			want = append(want, "export interface "+s.Name+" {")
		}
	}
	for _, w := range want {
		if !strings.Contains(ts, w) {
			t.Errorf("jivo_api.d.ts lacks %q", w)
		}
	}
}

func TestDeclarationsAsyncSignatures(t *testing.T) {
	d, err := dtsFile()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"getVisitorNumber(callback: (err: unknown, value: number) => void): void;",
		"isCallbackEnabled(callback: (result: Status) => void): void;",
		"getVisitorNumber: { args: []; value: number };",
		"sendOfflineMessage(message: OfflineMessage): Status;",
		"@returns a Status: {result: 'ok'} or {result: 'fail', error}",
	} {
		if !bytes.Contains(d, []byte(w)) {
			t.Errorf("jivo_api.d.ts lacks %q", w)
		}
	}
}

func TestDeclarationsNeedConfigDocs(t *testing.T) {
	type Undocumented struct {
		Field string `json:"field"`
	}
	type Untagged struct {
		Field string
	}
	dtsConfigDocs["Untagged"] = map[string]string{"": "x"}
	defer delete(dtsConfigDocs, "Untagged")
	for _, tc := range []struct {
		name string
		typ  reflect.Type
		want string
	}{
		{"type without docs", reflect.TypeOf(Undocumented{}), "no documentation for Undocumented"},
		{"field without JSON name", reflect.TypeOf(Untagged{}), "Untagged.Field has no JSON name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := dtsStruct(&b, tc.typ)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

package templates

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestInlineScriptRefusesScriptEnd(t *testing.T) {
	for _, js := range []string{"a='</script>'", "a='</SCRIPT '", "<!-- x", "ok</ScRiPt"} {
		var b bytes.Buffer
		if err := inlineScript(newInline(js)).Render(context.Background(), &b); !errors.Is(err, errScriptEnd) || b.Len() > 0 {
			t.Errorf("%q: %v, wrote %q", js, err, b.String())
		}
	}
	if runtimeJS.err != nil || wasmLoaderJS.err != nil {
		t.Errorf("our own scripts cannot be inlined: %v, %v", runtimeJS.err, wasmLoaderJS.err)
	}
}

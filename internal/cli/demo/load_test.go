package demo

import (
	"strings"
	"testing"
)

// TestDemoLoadSwitch: the page switches between the loading strategies;
// the loader carries each.
func TestDemoLoadSwitch(t *testing.T) {
	_, base := startTest(t, Config{})
	for _, mode := range []string{"eager", "idle", "interaction", "consent"} {
		res, page := get(t, base+"/?load="+mode)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %s", mode, res.Status)
		}
		// The loader adds the widget's script under every strategy.
		if strings.Contains(page, `<script src="/jivokit/stub.js"`) {
			t.Errorf("%s: the widget's script in the HTML", mode)
		}
		if !strings.Contains(page, `data-load="`+mode+`"`) {
			t.Errorf("%s: no loader on the page", mode)
		}
		if !strings.Contains(page, `href="/?load=`+mode+`" aria-current="page"`) {
			t.Errorf("%s: the switch does not mark it current", mode)
		}
		if got := strings.Contains(page, `id="consent"`); got != (mode == "consent") {
			t.Errorf("%s: consent button %v", mode, got)
		}
	}
	if res, _ := get(t, base+"/?load=later"); res.StatusCode != 400 {
		t.Errorf("an unknown strategy: %s, want 400", res.Status)
	}
}

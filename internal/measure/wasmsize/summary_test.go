package main

import (
	"strings"
	"testing"
)

// TestSummaryNamesItsBaselines: the summary says what each baseline is and
// speaks of the product only.
func TestSummaryNamesItsBaselines(t *testing.T) {
	raw := map[string]int{"hello": 1000 << 10, "hellocontext": 1300 << 10, "allmethods": 1400 << 10}
	gz := map[string]int{"hello": 300 << 10, "hellocontext": 380 << 10, "allmethods": 410 << 10}
	var b strings.Builder
	summary(&b, raw, gz)
	out := b.String()
	for _, want := range []string{
		"Against hello, a hello-world syscall/js program that uses no context (the goal's baseline): 400.0 KB raw (MISSED) / 110.0 KB gzip (MISSED).",
		"300.0 KB / 80.0 KB is packages context and time, which the bridge's API brings",
		"Against hello + context, the bridge's own cost: 100.0 KB raw (met) / 30.0 KB gzip (met).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(strings.ToLower(out), "issue") {
		t.Errorf("the summary speaks of an issue:\n%s", out)
	}
}

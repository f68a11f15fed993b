package stubwidget_test

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
)

// TestWidgetIDRuleAgrees: templates (which production links) and the stub
// (which it does not) each hold the vendor's id rule; they must agree.
func TestWidgetIDRuleAgrees(t *testing.T) {
	if templates.WidgetIDRule != stub.WidgetIDRule {
		t.Errorf("templates.WidgetIDRule %q, stub.WidgetIDRule %q", templates.WidgetIDRule, stub.WidgetIDRule)
	}
	ids := []string{"", "1", "0123456789", strings.Repeat("9", 40), "AbCdEf1234", "abc123XYZ", "abc123XYZ01", "AbCdE-1234", "AbCdE_1234", "Абвгдежзий", "12 34", "a"}
	for _, id := range ids {
		if a, b := templates.ValidWidgetID(id), stub.ValidWidgetID(id); a != b {
			t.Errorf("ValidWidgetID(%q): templates %v, stub %v", id, a, b)
		}
	}
}

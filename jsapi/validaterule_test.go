package jsapi

import "testing"

func TestValidateRule(t *testing.T) {
	tests := []struct {
		rule, field, value, want string
	}{
		{"text", "title", "Pricing", ""},
		{"text", "title", " \t", "jivo: advice: title: is empty"},
		{"text", "title", "a\xff", "jivo: invalid title: is not valid UTF-8"},
		{"filled", "message", "a\xff", "jivo: invalid message: is not valid UTF-8"},
		{"filled", "message", " ", "jivo: advice: message: is empty"},
		{"phone", "number", "12", "jivo: advice: number: has 2 digits, a phone number has 5 to 15"},
		{"email", "reply_to", "ann@example.com", ""},
		{"color", "background", "red", `jivo: advice: background: "red" is not a hex colour like #1e88e5 or #fff`},
		{"link", "href", "javascript:alert(1)", "jivo: advice: href: is not an absolute http or https URL"},
		{"start", "start", "menu", ""},
		{"utf8", "url", "", ""},
		{"nosuch", "text", "anything", `jivo: invalid text: has no validation rule "nosuch"`},
	}
	for _, tt := range tests {
		check(t, ValidateRule(tt.rule, tt.field, tt.value), tt.want)
	}
}

// TestValidateRuleRunsEveryRule checks that ValidateRule knows every rule
// ValidationRules names, and each as the checks of this package run it.
func TestValidateRuleRunsEveryRule(t *testing.T) {
	same := []struct {
		rule  string
		value string
		want  error
	}{
		{"phone", "call me", ValidatePhone("call me")},
		{"email", "ann@localhost", ValidateEmail("ann@localhost")},
		{"color", "#12", ValidateColor("#12")},
		{"link", "ftp://x", ValidateLink("ftp://x")},
		{"text", "", ValidateUserToken("")},
	}
	for _, s := range same {
		got := ValidateRule(s.rule, (s.want.(*Warning)).Field, s.value)
		if got == nil || got.Error() != s.want.Error() {
			t.Errorf("ValidateRule(%q, %q) = %v, want %v", s.rule, s.value, got, s.want)
		}
	}
}

package jsapi

import (
	"errors"
	"strings"
	"testing"
)

func TestFallbackValidate(t *testing.T) {
	good := []Fallback{
		{"mailto:help@shop.example", "E-mail us"},
		{"tel:+15550100", "Call us"},
		{"https://t.me/shop", "Telegram"},
		{"https://wa.me/15550100", "WhatsApp"},
		{"tg://resolve?domain=shop", "Telegram"},
		{"/contact", "Contact page"},
		{"HTTPS://shop.example/contact", "Контакты"},
	}
	for _, f := range good {
		if err := f.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
		if err := (PageConfig{Fallback: &f}).Validate(); err != nil {
			t.Errorf("PageConfig with %+v: %v", f, err)
		}
	}
	bad := []struct {
		f     Fallback
		field string
	}{
		{Fallback{"", "x"}, "fallback.url"},
		{Fallback{"javascript:alert(1)", "x"}, "fallback.url"},
		{Fallback{"data:text/html,x", "x"}, "fallback.url"},
		{Fallback{"//evil.example/x", "x"}, "fallback.url"},
		{Fallback{"shop.example/contact", "x"}, "fallback.url"},
		{Fallback{"mailto:a b", "x"}, "fallback.url"},
		{Fallback{"/c\xff", "x"}, "fallback.url"},
		{Fallback{"/\\evil.example", "x"}, "fallback.url"},
		{Fallback{"https:\\\\evil.example", "x"}, "fallback.url"},
		{Fallback{"/a\u0085b", "x"}, "fallback.url"},
		{Fallback{"/a\u009bb", "x"}, "fallback.url"},
		{Fallback{"/contact", ""}, "fallback.label"},
		{Fallback{"/contact", "  "}, "fallback.label"},
		{Fallback{"/contact", strings.Repeat("x", 101)}, "fallback.label"},
		{Fallback{"/contact", "a\xffb"}, "fallback.label"},
	}
	for _, tt := range bad {
		var ie *InputError
		if err := tt.f.Validate(); !errors.As(err, &ie) || ie.Field != tt.field {
			t.Errorf("%+v: %v, want an InputError for %s", tt.f, err, tt.field)
		}
	}
	var ie *InputError
	if err := (PageConfig{LoadTimeout: -1}).Validate(); !errors.As(err, &ie) || ie.Field != "load_timeout" {
		t.Errorf("negative load_timeout: %v", err)
	}
}

// TestLoadTimeoutMax: a browser's timer fires at once beyond 2^31-1 ms, so
// a load_timeout above MaxLoadTimeout is refused, and cleaned to the default.
func TestLoadTimeoutMax(t *testing.T) {
	for _, ms := range []int{1, DefaultLoadTimeout, MaxLoadTimeout} {
		if err := (PageConfig{LoadTimeout: ms}).Validate(); err != nil {
			t.Errorf("load_timeout %d: %v", ms, err)
		}
		if out, found := (Cleaner{}).PageConfig(PageConfig{LoadTimeout: ms}); out.LoadTimeout != ms || len(found) != 0 {
			t.Errorf("cleaned load_timeout %d: %d, %v", ms, out.LoadTimeout, found)
		}
	}
	for _, ms := range []int{MaxLoadTimeout + 1, 1<<31 - 1, 1 << 31, 1 << 40} {
		var ie *InputError
		if err := (PageConfig{LoadTimeout: ms}).Validate(); !errors.As(err, &ie) || ie.Field != "load_timeout" {
			t.Errorf("load_timeout %d: %v, want an InputError", ms, err)
		}
		out, found := (Cleaner{}).PageConfig(PageConfig{LoadTimeout: ms})
		if out.LoadTimeout != 0 || len(found) != 1 || found[0].Field != "load_timeout" || found[0].Reason != DropInvalid {
			t.Errorf("cleaned load_timeout %d: %d, %+v", ms, out.LoadTimeout, found)
		}
	}
}

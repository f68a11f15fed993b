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

package jsapi

import (
	"reflect"
	"strings"
	"testing"
)

func TestCleanCustomData(t *testing.T) {
	fields := []CustomField{{Title: "t\xc0", Content: "c"}, {Link: "https://example.com"}, {Title: "j", Link: "javascript:x"}}
	for range 12 {
		fields = append(fields, CustomField{Content: "x"})
	}
	got, dropped := CleanCustomData(fields, SafeHosts{})
	if len(got) != MaxCustomFields || got[0] != (CustomField{Content: "c"}) || got[1] != (CustomField{Title: "j"}) {
		t.Fatalf("kept %+v", got)
	}
	var names []string
	for _, d := range dropped {
		names = append(names, d.Field)
	}
	want := []string{"custom_data[0].title", "custom_data[1]", "custom_data[2].link", "custom_data[11]", "custom_data[12]", "custom_data[13]", "custom_data[14]"}
	if !reflect.DeepEqual(names, want) || dropped[0].Reason != DropInvalidUTF8 || dropped[1].Reason != DropNoText || dropped[2].Reason != DropLink || dropped[3].Reason != DropTooMany {
		t.Fatalf("dropped %v", dropped)
	}
	clean := []CustomField{{Title: "a"}, {Content: "b", Link: "https://example.com/"}}
	if got, d := CleanCustomData(clean, SafeHosts{}); &got[0] != &clean[0] || d != nil {
		t.Fatal("a clean list was copied or reported")
	}
}

// TestCleanAgreesWithValidate: ValidateCustomData accepts exactly what
// CleanCustomData leaves whole, and ContactInfo.Validate what
// CleanContactInfo leaves whole.
func TestCleanAgreesWithValidate(t *testing.T) {
	cases := [][]CustomField{nil, {{Title: "a"}}, {{Key: "k"}}, {{Link: "https://a.example"}}, {{Title: "\xff"}},
		{{Title: "a", Link: "ftp://x"}}, {{Title: "a", Link: "https://a.example/\xff"}}, make([]CustomField, 11)}
	for i := range cases[len(cases)-1] {
		cases[len(cases)-1][i].Title = "t"
	}
	for _, f := range cases {
		_, d := CleanCustomData(f, SafeHosts{})
		if (ValidateCustomData(f) == nil) != (len(d) == 0) {
			t.Errorf("%+v: Validate %v, Clean dropped %v", f, ValidateCustomData(f), d)
		}
	}
	for _, c := range []ContactInfo{{}, {Email: "a@b.com"}, {Email: "a@b"}, {Phone: "+1 555 0100"}, {Phone: "javascript:1"}, {Email: `a@b.com"<script>`}} {
		_, d := CleanContactInfo(c)
		if (c.Validate() == nil) != (len(d) == 0) {
			t.Errorf("%+v: Validate %v, Clean dropped %v", c, c.Validate(), d)
		}
	}
	if _, d := CleanContactInfo(ContactInfo{Name: "a\xff"}); len(d) != 1 || !strings.Contains(d[0].Error(), "contact_info.name") {
		t.Errorf("invalid UTF-8 name: %v", d)
	}
}

// FuzzCleanCustomData: whatever the fields, CleanCustomData keeps at most
// MaxCustomFields, each of which ValidateCustomData accepts, and reports a
// drop exactly when ValidateCustomData refuses the input.
func FuzzCleanCustomData(f *testing.F) {
	f.Add(3, "t", "c", "https://example.com/", "k")
	f.Add(12, "", "\xff", "javascript:x", "")
	f.Add(11, "t", "", "", "")
	f.Fuzz(func(t *testing.T, n int, title, content, link, key string) {
		n = min(max(n, 0), 3*MaxCustomFields)
		fields := make([]CustomField, n)
		for i := range fields {
			// vary the fields so that some are clean and some not
			fields[i] = CustomField{Title: title[:min(i, len(title))], Content: content, Link: link, Key: key}
		}
		got, dropped := CleanCustomData(fields, SafeHosts{})
		if len(got) > MaxCustomFields || ValidateCustomData(got) != nil {
			t.Fatalf("kept %d fields, Validate: %v", len(got), ValidateCustomData(got))
		}
		if (ValidateCustomData(fields) == nil) != (len(dropped) == 0) {
			t.Fatalf("Validate %v, dropped %v", ValidateCustomData(fields), dropped)
		}
		for _, d := range dropped {
			if d.Reason == 0 || d.Err == nil || !strings.HasPrefix(d.Error(), "custom_data[") {
				t.Fatalf("drop %+v", d)
			}
		}
	})
}

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
	names := func(dropped []Dropped) []string {
		var out []string
		for _, d := range dropped {
			out = append(out, d.Field)
		}
		return out
	}
	// Default: what the vendor takes is kept, with advice; invalid UTF-8
	// and the fields past the vendor's 10 are left out.
	got, dropped := CleanCustomData(fields, SafeHosts{})
	if len(got) != MaxCustomFields || got[0] != (CustomField{Content: "c"}) || got[1] != fields[1] || got[2] != fields[2] {
		t.Fatalf("kept %+v", got)
	}
	want := []string{"custom_data[0].title", "custom_data[1]", "custom_data[2].link", "custom_data[10]", "custom_data[11]", "custom_data[12]", "custom_data[13]", "custom_data[14]"}
	if !reflect.DeepEqual(names(dropped), want) || dropped[0].Reason != DropInvalidUTF8 || dropped[1].Reason != Advised || dropped[2].Reason != Advised ||
		dropped[3].Reason != DropTooMany || !IsAdvice(dropped[1].Err) || !dropped[2].Kept() || dropped[3].Kept() {
		t.Fatalf("dropped %v", dropped)
	}
	// Strict: advice leaves the parts out.
	got, dropped = Cleaner{Strict: true}.CustomData(fields)
	if len(got) != MaxCustomFields || got[0] != (CustomField{Content: "c"}) || got[1] != (CustomField{Title: "j"}) {
		t.Fatalf("strict: kept %+v", got)
	}
	want = []string{"custom_data[0].title", "custom_data[1]", "custom_data[2].link", "custom_data[11]", "custom_data[12]", "custom_data[13]", "custom_data[14]"}
	if !reflect.DeepEqual(names(dropped), want) || dropped[1].Reason != DropNoText || dropped[2].Reason != DropLink || dropped[3].Reason != DropTooMany {
		t.Fatalf("strict: dropped %v", dropped)
	}
	clean := []CustomField{{Title: "a"}, {Content: "b", Link: "https://example.com/"}}
	if got, d := CleanCustomData(clean, SafeHosts{}); &got[0] != &clean[0] || d != nil {
		t.Fatal("a clean list was copied or reported")
	}
	advised := []CustomField{{Title: "a", Link: "/crm/add"}}
	if got, d := CleanCustomData(advised, SafeHosts{}); &got[0] != &advised[0] || len(d) != 1 || d[0].Error() != "custom_data[0].link: advice: is not an absolute http or https URL" {
		t.Fatalf("advice only: %v %v", got, d)
	}
	list, _ := NewSafeHosts("example.com")
	if got, d := CleanCustomData(advised, list); got[0] != (CustomField{Title: "a"}) || len(d) != 1 || d[0].Reason != DropLink || d[0].Kept() {
		t.Fatalf("a relative link with safe hosts: %v %v", got, d)
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

// FuzzCleanCustomData: whatever the fields, CustomData keeps at most
// MaxCustomFields, none of which ValidateCustomData refuses in the same
// mode, and reports something exactly when ValidateCustomData has a
// problem with the input.
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
		for _, strict := range []bool{false, true} {
			got, dropped := Cleaner{Strict: strict}.CustomData(fields)
			if len(got) > MaxCustomFields || Refusal(ValidateCustomData(got), strict) != nil {
				t.Fatalf("strict %v: kept %d fields, Validate: %v", strict, len(got), ValidateCustomData(got))
			}
			if (ValidateCustomData(fields) == nil) != (len(dropped) == 0) {
				t.Fatalf("strict %v: Validate %v, dropped %v", strict, ValidateCustomData(fields), dropped)
			}
			for _, d := range dropped {
				if d.Reason == 0 || d.Err == nil || !strings.HasPrefix(d.Error(), "custom_data[") || strict && d.Kept() {
					t.Fatalf("strict %v: drop %+v", strict, d)
				}
			}
		}
	})
}

// TestCleanerPageConfig: each part of a page configuration is cleaned by
// its rules: advice kept (Advised) or, strict, left out; the vendor's rules
// and the values' form in every mode.
func TestCleanerPageConfig(t *testing.T) {
	in := PageConfig{
		UserToken:   "tok\xff",
		ContactInfo: &ContactInfo{Name: "Ann", Phone: "+1 (408) 498-7855 ext. 2", Email: "ann@example.com"},
		CustomData:  []CustomField{{Content: "Add contact", Link: "/crm/add"}},
		WidgetColor: &WidgetColor{Color: "teal", Color2: "#fff\xff"},
		Invitation:  &Invitation{Text: " ", DepartmentID: -1},
		QueueLimit:  -3,
	}
	got, found := Cleaner{}.PageConfig(in)
	want := PageConfig{
		ContactInfo: in.ContactInfo,
		CustomData:  in.CustomData,
		WidgetColor: &WidgetColor{Color: "teal"},
		Invitation:  in.Invitation,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("default: %+v\nwant %+v", got, want)
	}
	if &got.CustomData[0] == &in.CustomData[0] {
		t.Error("the result shares the custom data slice")
	}
	var kept, left []string
	for _, d := range found {
		if d.Kept() {
			kept = append(kept, d.Field)
		} else {
			left = append(left, d.Field)
		}
	}
	wantKept := []string{"contact_info.phone", "custom_data[0].link", "widget_color", "invitation", "invitation.department_id"}
	wantLeft := []string{"queue_limit", "user_token", "widget_color.color2"}
	if !reflect.DeepEqual(kept, wantKept) || !reflect.DeepEqual(left, wantLeft) {
		t.Errorf("default: kept %v, left out %v", kept, left)
	}

	got, found = Cleaner{Strict: true}.PageConfig(in)
	want = PageConfig{
		ContactInfo: &ContactInfo{Name: "Ann", Email: "ann@example.com"},
		CustomData:  []CustomField{{Content: "Add contact"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("strict: %+v\nwant %+v", got, want)
	}
	for _, d := range found {
		if d.Kept() {
			t.Errorf("strict kept %v", d)
		}
	}
	if len(found) != 6 { // queue_limit, user_token, contact_info.phone, custom_data[0].link, widget_color, invitation
		t.Errorf("strict found %v", found)
	}
}

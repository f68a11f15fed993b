package jsapi

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// check runs one validation case: want "" means valid, otherwise the exact
// error message, which must come from a *Warning when it is advice ("jivo:
// advice: ...") and from an *InputError when it is a refusal.
func check(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("got %v, want no error", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("got no error, want %q", want)
	}
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err.Error(), want)
	}
	if strings.HasPrefix(want, "jivo: advice: ") {
		var w *Warning
		if !errors.As(err, &w) {
			t.Errorf("%T is not a *Warning", err)
		}
		return
	}
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Errorf("%T is not an *InputError", err)
	}
}

func TestValidateCustomData(t *testing.T) {
	eleven := make([]CustomField, 11)
	for i := range eleven {
		eleven[i] = CustomField{Content: "x"}
	}
	for _, tc := range []struct {
		name   string
		fields []CustomField
		want   string
	}{
		{"none", nil, ""},
		{"ten", eleven[:10], ""},
		{"a full field", []CustomField{{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1", Key: "k"}}, ""},
		{"only a key", []CustomField{{Key: "VIP"}}, ""},
		{"eleven", eleven, "jivo: invalid fields: has 11 entries, at most 10 are allowed"},
		{"empty field", []CustomField{{Content: "a"}, {}}, "jivo: advice: fields[1]: has no content, title or key"},
		{"bad UTF-8 title", []CustomField{{Title: "\xff"}}, "jivo: invalid fields[0].title: is not valid UTF-8"},
		{"bad UTF-8 link", []CustomField{{Content: "a", Link: "https://x.example/\xff"}}, "jivo: invalid fields[0].link: is not valid UTF-8"},
		{"javascript link", []CustomField{{Content: "a", Link: "javascript://alert(1)"}}, `jivo: advice: fields[0].link: has scheme "javascript", only http and https are allowed`},
		{"relative link", []CustomField{{Content: "a", Link: "/orders/1"}}, "jivo: advice: fields[0].link: is not an absolute http or https URL"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidateCustomData(tc.fields), tc.want) })
	}
}

func TestValidateLink(t *testing.T) {
	for _, tc := range []struct{ name, link, want string }{
		{"https", "https://example.com/a?b=c#d", ""},
		{"http upper-case scheme", "HTTP://example.com", ""},
		{"user info and port", "https://u:p@example.com:8443/", ""},
		{"no scheme", "example.com/a", "jivo: advice: link: is not an absolute http or https URL"},
		{"data", "data://text/html,hi", `jivo: advice: link: has scheme "data", only http and https are allowed`},
		{"no host", "https:///path", "jivo: advice: link: has no host"},
		{"only user info", "https://user@/", "jivo: advice: link: has no host"},
		{"space", "https://example.com/a b", "jivo: advice: link: contains a space, control character or backslash"},
		{"backslash", `https://example.com\@evil.example`, "jivo: advice: link: contains a space, control character or backslash"},
		{"control", "https://example.com/\x7f", "jivo: advice: link: contains a space, control character or backslash"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidateLink(tc.link), tc.want) })
	}
}

func TestLinkHost(t *testing.T) {
	for _, tc := range []struct{ name, link, want string }{
		{"plain", "https://Example.COM/a", "example.com"},
		{"port", "http://example.com:8080", "example.com"},
		{"user info", "https://evil.example@good.example/", "good.example"},
		{"trailing dot", "https://example.com./", "example.com"},
		{"IPv6", "https://[::1]:8443/", "::1"},
		{"IPv6 without port", "https://[2001:DB8::1]/", "2001:db8::1"},
		{"empty port", "https://example.com:/", "example.com"},
		{"host name for a port", "https://example.com:evil.net/", ""},
		{"two ports", "https://example.com:1:2/", ""},
		{"IPv6 with a host name for a port", "https://[::1]:evil.net/", ""},
		{"no host before the port", "https://:443/", ""},
		{"query right after host", "https://example.com?x=1", "example.com"},
		{"not a link", "javascript:alert(1)", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := LinkHost(tc.link); got != tc.want {
				t.Errorf("LinkHost(%q) = %q, want %q", tc.link, got, tc.want)
			}
		})
	}
}

// TestSafeHostsRefuseAHostInThePort: a link whose "port" names another host
// is no link to the safe host.
func TestSafeHostsRefuseAHostInThePort(t *testing.T) {
	safe, err := NewSafeHosts("example.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := safe.Allows("https://example.com:evil.net/"); err == nil {
		t.Error("https://example.com:evil.net/ passes the check for example.com")
	}
	for _, link := range []string{"https://example.com:8443/a", "https://shop.example.com/"} {
		if err := safe.Allows(link); err != nil {
			t.Errorf("%s: %v", link, err)
		}
	}
}

func TestValidatePhone(t *testing.T) {
	for _, tc := range []struct{ name, phone, want string }{
		{"international", "+14084987855", ""},
		{"grouped", "+7 (495) 123-45.67", ""},
		{"five digits", "12345", ""},
		{"fifteen digits", "+123456789012345", ""},
		{"empty", "", "jivo: advice: phone: is empty"},
		{"blank", "   ", "jivo: advice: phone: is empty"},
		{"letters", "call me", "jivo: advice: phone: contains 'c'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"},
		{"plus inside", "1+2345", "jivo: advice: phone: contains '+'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"},
		{"too short", "1234", "jivo: advice: phone: has 4 digits, a phone number has 5 to 15"},
		{"too long", "1234567890123456", "jivo: advice: phone: has 16 digits, a phone number has 5 to 15"},
		{"only punctuation", "+ ()", "jivo: advice: phone: has 0 digits, a phone number has 5 to 15"},
		{"bad UTF-8", "+1408\xff4987855", "jivo: invalid phone: is not valid UTF-8"},
		{"bad character last", "+14084987855☎", "jivo: advice: phone: contains '☎'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"},
		{"truncated character last", "+14084987855\xe2\x98", "jivo: invalid phone: is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidatePhone(tc.phone), tc.want) })
	}
}

func TestValidateEmail(t *testing.T) {
	for _, tc := range []struct{ name, email, want string }{
		{"plain", "ann@example.com", ""},
		{"plus and subdomain", "ann+chat@mail.example.co.uk", ""},
		{"no at", "ann.example.com", "jivo: advice: email: is not an e-mail address"},
		{"no local part", "@example.com", "jivo: advice: email: is not an e-mail address"},
		{"no domain", "ann@", "jivo: advice: email: is not an e-mail address"},
		{"two ats", "ann@b@example.com", "jivo: advice: email: contains a character an e-mail address cannot have"},
		{"space", "ann smith@example.com", "jivo: advice: email: contains a character an e-mail address cannot have"},
		{"angle bracket", "<ann@example.com>", "jivo: advice: email: contains a character an e-mail address cannot have"},
		{"no dot", "ann@localhost", "jivo: advice: email: has no dot in its domain"},
		{"only outer dots", "ann@.localhost.", "jivo: advice: email: has no dot in its domain"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidateEmail(tc.email), tc.want) })
	}
}

func TestValidateColor(t *testing.T) {
	for _, tc := range []struct{ name, color, want string }{
		{"six digits", "#1e88e5", ""},
		{"three digits upper-case", "#FFF", ""},
		{"no hash", "1e88e5", `jivo: advice: color: "1e88e5" is not a hex colour like #1e88e5 or #fff`},
		{"empty", "", `jivo: advice: color: "" is not a hex colour like #1e88e5 or #fff`},
		{"name", "red", `jivo: advice: color: "red" is not a hex colour like #1e88e5 or #fff`},
		{"not hex", "#12345g", `jivo: advice: color: "#12345g" is not a hex colour like #1e88e5 or #fff`},
		{"four digits", "#1234", `jivo: advice: color: "#1234" is not a hex colour like #1e88e5 or #fff`},
		{"css injection", "#fff;}", `jivo: advice: color: "#fff;}" is not a hex colour like #1e88e5 or #fff`},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidateColor(tc.color), tc.want) })
	}
}

func TestWidgetColorValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    WidgetColor
		want string
	}{
		{"one colour", WidgetColor{Color: "#1e88e5"}, ""},
		{"gradient", WidgetColor{Color: "#1e88e5", Color2: "#43a047"}, ""},
		{"no colour", WidgetColor{}, `jivo: advice: color: "" is not a hex colour like #1e88e5 or #fff`},
		{"bad second", WidgetColor{Color: "#fff", Color2: "green"}, `jivo: advice: color2: "green" is not a hex colour like #1e88e5 or #fff`},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.c.Validate(), tc.want) })
	}
}

func TestOfflineMessageValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    OfflineMessage
		want string
	}{
		{"with e-mail", OfflineMessage{Message: "Call me", Email: "ann@example.com"}, ""},
		{"with phone", OfflineMessage{Message: "Call me", Phone: "+14084987855", Name: "Ann"}, ""},
		{"empty message", OfflineMessage{Email: "ann@example.com"}, "jivo: advice: message: is empty"},
		{"blank message", OfflineMessage{Message: " \n", Email: "ann@example.com"}, "jivo: advice: message: is empty"},
		{"nowhere to answer", OfflineMessage{Message: "hi", Name: "Ann"}, "jivo: advice: email: and phone are both empty; give one to answer to"},
		{"bad e-mail", OfflineMessage{Message: "hi", Email: "ann"}, "jivo: advice: email: is not an e-mail address"},
		{"bad phone", OfflineMessage{Message: "hi", Phone: "12"}, "jivo: advice: phone: has 2 digits, a phone number has 5 to 15"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.m.Validate(), tc.want) })
	}
}

func TestContactInfoValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    ContactInfo
		want string
	}{
		{"empty", ContactInfo{}, ""},
		{"full", ContactInfo{Name: "Ann", Email: "ann@example.com", Phone: "+14084987855", Description: "VIP"}, ""},
		{"bad e-mail", ContactInfo{Email: "ann@"}, "jivo: advice: email: is not an e-mail address"},
		{"bad phone", ContactInfo{Phone: "ask me"}, "jivo: advice: phone: contains 'a'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.c.Validate(), tc.want) })
	}
}

func TestOpenOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    OpenOptions
		want string
	}{
		{"default", OpenOptions{}, ""},
		{"chat", OpenOptions{Start: StartChat}, ""},
		{"call", OpenOptions{Start: StartCall}, ""},
		{"menu", OpenOptions{Start: StartMenu}, ""},
		{"unknown", OpenOptions{Start: "video"}, `jivo: advice: start: "video" is not chat, call or menu`},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.o.Validate(), tc.want) })
	}
}

func TestInvitationValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		inv  Invitation
		want string
	}{
		{"text", Invitation{Text: "Need help?"}, ""},
		{"with department", Invitation{Text: "Need help?", DepartmentID: 3}, ""},
		{"no text", Invitation{}, "jivo: advice: invitation_text: is empty"},
		{"blank text", Invitation{Text: "\t"}, "jivo: advice: invitation_text: is empty"},
		{"negative department", Invitation{Text: "hi", DepartmentID: -1}, "jivo: advice: department_id: is negative"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.inv.Validate(), tc.want) })
	}
}

func TestClientAttributesValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    ClientAttributes
		want string
	}{
		{"string and numbers", ClientAttributes{"12": "gold", "13": 4, "14": 2.5, "15": uint8(1)}, ""},
		{"nil", nil, "jivo: advice: attributes: sets no attribute; the call still counts against the vendor's limit"},
		{"empty id", ClientAttributes{"": "x"}, "jivo: advice: attributes: has an empty id"},
		{"bool", ClientAttributes{"12": true}, `jivo: invalid attributes["12"]: is neither a string nor a number`},
		{"nested", ClientAttributes{"12": map[string]any{}}, `jivo: invalid attributes["12"]: is neither a string nor a number`},
		{"NaN", ClientAttributes{"12": math.NaN()}, `jivo: invalid attributes["12"]: is not a finite number`},
		{"infinite float32", ClientAttributes{"12": float32(math.Inf(-1))}, `jivo: invalid attributes["12"]: is not a finite number`},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.a.Validate(), tc.want) })
	}
}

// TestClientAttributesValidateIsDeterministic: with several bad
// attributes, every run reports the smallest id, whatever the map's order,
// and a refusal before advice.
func TestClientAttributesValidateIsDeterministic(t *testing.T) {
	a := ClientAttributes{}
	for _, id := range []string{"q", "c", "x", "b", "k", "z", "m", "d", "e", "f"} {
		a[id] = true
	}
	a["a"] = "fine"
	for i := 0; i < 100; i++ {
		check(t, a.Validate(), `jivo: invalid attributes["b"]: is neither a string nor a number`)
	}
	a[""] = 1
	check(t, a.Validate(), `jivo: invalid attributes["b"]: is neither a string nor a number`)
	delete(a, "b")
	delete(a, "c")
	for _, id := range []string{"q", "x", "k", "z", "m", "d", "e", "f"} {
		a[id] = 1
	}
	check(t, a.Validate(), "jivo: advice: attributes: has an empty id")
}

func TestRulesValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Rules
		want string
	}{
		{"object", Rules(`{"rules":[]}`), ""},
		{"padded", Rules(" {}\n"), ""},
		{"empty", nil, "jivo: invalid rules: is not a JSON object"},
		{"array", Rules(`[1]`), "jivo: invalid rules: is not a JSON object"},
		{"string", Rules(`"{}"`), "jivo: invalid rules: is not a JSON object"},
		{"bad UTF-8", Rules("{\"a\":\"\xff\"}"), "jivo: invalid rules: is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.r.Validate(), tc.want) })
	}
}

func TestPageConfigValidate(t *testing.T) {
	good := PageConfig{
		UserToken:   "v1.tok",
		ContactInfo: &ContactInfo{Name: "Ann", Email: "ann@example.com"},
		CustomData:  []CustomField{{Title: "Plan", Content: "Pro"}},
		WidgetColor: &WidgetColor{Color: "#1e88e5"},
		Invitation:  &Invitation{Text: "Need help?"},
		QueueLimit:  50,
	}
	with := func(f func(*PageConfig)) PageConfig { c := good; f(&c); return c }
	for _, tc := range []struct {
		name string
		c    PageConfig
		want string
	}{
		{"empty", PageConfig{}, ""},
		{"full", good, ""},
		{"bad contact", with(func(c *PageConfig) { c.ContactInfo = &ContactInfo{Email: "x"} }), "jivo: advice: email: is not an e-mail address"},
		{"bad custom data", with(func(c *PageConfig) { c.CustomData = []CustomField{{}} }), "jivo: advice: fields[0]: has no content, title or key"},
		{"bad colour", with(func(c *PageConfig) { c.WidgetColor = &WidgetColor{Color: "blue"} }), `jivo: advice: color: "blue" is not a hex colour like #1e88e5 or #fff`},
		{"bad invitation", with(func(c *PageConfig) { c.Invitation = &Invitation{} }), "jivo: advice: invitation_text: is empty"},
		{"negative queue limit", with(func(c *PageConfig) { c.QueueLimit = -1 }), "jivo: invalid queue_limit: is negative"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.c.Validate(), tc.want) })
	}
}

// TestOddInputIsRefusedClearly: odd input never panics, and each check
// either accepts it or answers with an error that names the field: a
// *Warning (none of these odd values is a link, phone, e-mail or colour
// jivokit would advise), or an *InputError for what cannot be written.
func TestOddInputIsRefusedClearly(t *testing.T) {
	odd := []string{"", "#", "://", "@", "\x00", "+", "https://", strings.Repeat("9", 1000), "\xff\xfe"}
	named := func(t *testing.T, what, s string, err error) {
		t.Helper()
		var ie *InputError
		var w *Warning
		switch {
		case errors.As(err, &ie) && ie.Field != "" && ie.Problem != "":
		case errors.As(err, &w) && w.Field != "" && w.Problem != "":
		default:
			t.Errorf("%s(%q) = %v, want an *InputError or *Warning naming the field and the problem", what, s, err)
		}
	}
	for _, s := range odd {
		named(t, "ValidateLink", s, ValidateLink(s))
		named(t, "ValidatePhone", s, ValidatePhone(s))
		named(t, "ValidateEmail", s, ValidateEmail(s))
		named(t, "ValidateColor", s, ValidateColor(s))
		if h := LinkHost(s); h != "" {
			t.Errorf("LinkHost(%q) = %q, want \"\" for a link that is not valid", s, h)
		}
		if err := Rules(s).Validate(); err != nil {
			named(t, "Rules.Validate", s, err)
		}
		if err := ValidateCustomData([]CustomField{{Content: s, Link: s}}); err != nil {
			named(t, "ValidateCustomData", s, err)
		}
	}
	if err := ValidateCustomData([]CustomField{{Content: "\xff\xfe"}}); IsAdvice(err) || err == nil {
		t.Errorf("invalid UTF-8 content: %v, want a refusal", err)
	}
}

func TestValidateUserToken(t *testing.T) {
	for _, tc := range []struct{ name, token, want string }{
		{"token", "v1.abc", ""},
		{"empty", "", "jivo: advice: token: is empty"},
		{"blank", " \u00a0", "jivo: advice: token: is empty"},
		{"bad UTF-8", "v1.\xff", "jivo: invalid token: is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, ValidateUserToken(tc.token), tc.want) })
	}
}

func TestPageTitleValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    PageTitle
		want string
	}{
		{"title", PageTitle{Title: "Cart"}, ""},
		{"title and URL", PageTitle{Title: "Cart", URL: "https://example.com/cart"}, ""},
		{"empty", PageTitle{}, "jivo: advice: title: is empty"},
		{"blank", PageTitle{Title: "\t"}, "jivo: advice: title: is empty"},
		{"bad UTF-8 title", PageTitle{Title: "\xff"}, "jivo: invalid title: is not valid UTF-8"},
		{"bad UTF-8 URL", PageTitle{Title: "Cart", URL: "/\xff"}, "jivo: invalid url: is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.p.Validate(), tc.want) })
	}
}

package jsapi

import (
	"strconv"
	"unicode/utf8"
)

// Each check below works out a problem (a phrase such as "is empty", ""
// when there is none) and hands it to invalid, the one place that makes
// an *InputError: fewer branches and allocations keep the code that a
// WebAssembly binary carries small.

// invalid returns an *InputError for field, or nil when problem is "".
//
//go:noinline
func invalid(field, problem string) error {
	if problem == "" {
		return nil
	}
	return &InputError{Field: field, Problem: problem}
}

// report returns nil when problem is "", a *Warning for advice, and an
// *InputError for a refusal.
//
//go:noinline
func report(field, problem string, kind Kind) error {
	if problem == "" {
		return nil
	}
	if kind == KindAdvice {
		return &Warning{Field: field, Problem: problem}
	}
	return &InputError{Field: field, Problem: problem}
}

// verdict keeps the first refusal it is given, else the first advice.
type verdict struct{ err error }

// add keeps err when it is the first refusal, or the first advice before
// any refusal, and reports whether a refusal is kept (so the caller may
// stop).
func (v *verdict) add(err error) bool {
	if err != nil && (v.err == nil || IsAdvice(v.err) && !IsAdvice(err)) {
		v.err = err
	}
	return v.err != nil && !IsAdvice(v.err)
}

// ValidateCustomData checks fields for setCustomData. The vendor's rule: at
// most MaxCustomFields fields, refused. The value's form: every string
// valid UTF-8, refused. jivokit's advice (a *Warning): each field has at
// least one of content, title and key (a key alone is a label the agent
// sees, a link alone shows nothing), and a link, when given, is one
// ValidateLink accepts. It returns the first refusal, else the first
// advice, else nil.
func ValidateCustomData(fields []CustomField) error {
	if len(fields) > MaxCustomFields {
		return invalid("fields", fill(problemTooMany, "", len(fields), 0, MaxCustomFields))
	}
	var v verdict
	for i, f := range fields {
		name := "fields[" + strconv.Itoa(i) + "]"
		key, problem := "", ""
		switch {
		case !utf8.ValidString(f.Content):
			key, problem = ".content", problemUTF8
		case !utf8.ValidString(f.Title):
			key, problem = ".title", problemUTF8
		case !utf8.ValidString(f.Key):
			key, problem = ".key", problemUTF8
		case !utf8.ValidString(f.Link):
			key, problem = ".link", problemUTF8
		}
		if v.add(invalid(name+key, problem)) {
			break
		}
		if f.Content == "" && f.Title == "" && f.Key == "" {
			v.add(report(name, problemNoContent, KindAdvice))
		}
		if f.Link != "" {
			v.add(linkRule.check(name+".link", f.Link))
		}
	}
	return v.err
}

// ValidateLink gives jivokit's advice on a link (a *Warning, or nil): an
// absolute http or https URL with a host, and a port, when one follows the
// host, of at most 5 digits and at most 65535 (an empty one, as in
// "https://example.com:/", means the default port, as in browsers). The
// vendor documents no rule for links beyond its "Safe URL" (see
// SafeHosts), so other links ("/crm/add", "mailto:ann@example.com") are
// advice, not refused.
func ValidateLink(link string) error { return linkRule.check("link", link) }

// LinkHost returns the host name of an http(s) link, without port or user
// info, with its ASCII letters lower-cased, or "" when link is not one that
// ValidateLink accepts without advice. An IPv6 address comes without its
// brackets. A host in other scripts is returned as written; browsers send
// such hosts in their ASCII (punycode) form.
func LinkHost(link string) string {
	if p, _ := linkRule.problem(link); p != "" {
		return ""
	}
	return linkHost(link)
}

// linkHost is LinkHost of a link ValidateLink accepts.
func linkHost(link string) string {
	host, _, _ := hostPort(link)
	if host[0] == '[' {
		host = host[1 : len(host)-1]
	}
	if n := len(host); n > 0 && host[n-1] == '.' {
		host = host[:n-1]
	}
	return lowerASCII(host)
}

// ValidatePhone gives jivokit's advice on a phone number for startCall (a
// *Warning, or nil): an optional leading +, then 5 to 15 digits, which may
// be grouped with spaces, dots, dashes and parentheses. The vendor checks
// the number itself and answers startCall with {result: 'fail'} when it
// cannot call it; it documents no shape, so "+1 (408) 498-7855 ext. 2" is
// advice, not refused.
func ValidatePhone(phone string) error { return phoneRule.check("phone", phone) }

// ValidateEmail gives jivokit's advice on the rough shape of an e-mail
// address (a *Warning, or nil): one @ with text on both sides, a dot in the
// domain, and no white space (as strings.TrimSpace sees it), control
// characters, <, > or ". The vendor documents no shape.
func ValidateEmail(email string) error { return emailRule.check("email", email) }

// ValidateColor gives jivokit's advice on a colour for setWidgetColor (a
// *Warning, or nil): "#rgb" or "#rrggbb".
func ValidateColor(color string) error { return colorRule.check("color", color) }

// Validate gives advice on the colours of c; Color2 may be empty.
func (c WidgetColor) Validate() error {
	if err := ValidateColor(c.Color); err != nil || c.Color2 == "" {
		return err
	}
	return colorRule.check("color2", c.Color2)
}

// Validate gives jivokit's advice on an offline message (a *Warning, or
// nil): a message that is not blank, an e-mail address or a phone number
// to answer to, and those given well formed. The vendor's sendOfflineMessage
// checks its fields itself and answers {result: 'fail', error}; it
// documents no rule of its own.
func (m OfflineMessage) Validate() error {
	if p, k := filledRule.problem(m.Message); p != "" {
		return report("message", p, k)
	}
	if m.Email == "" && m.Phone == "" {
		return report("email", problemNoAnswerTo, KindAdvice)
	}
	return validateContact(m.Email, m.Phone)
}

// Validate gives jivokit's advice on contact info for setContactInfo (a
// *Warning, or nil): the e-mail address and phone number, when given, well
// formed.
func (c ContactInfo) Validate() error { return validateContact(c.Email, c.Phone) }

// validateContact gives advice on an e-mail address and a phone number,
// each when given.
func validateContact(email, phone string) error {
	if email != "" {
		if err := ValidateEmail(email); err != nil {
			return err
		}
	}
	if phone != "" {
		return ValidatePhone(phone)
	}
	return nil
}

// Validate gives advice on open's options: start is chat, call or menu.
func (o OpenOptions) Validate() error {
	return startRule.check("start", string(o.Start))
}

// Validate gives advice on an invitation: its text is not blank, its
// department not negative.
func (inv Invitation) Validate() error {
	if p, k := filledRule.problem(inv.Text); p != "" {
		return report("invitation_text", p, k)
	}
	if inv.DepartmentID < 0 {
		return report("department_id", problemNegative, KindAdvice)
	}
	return nil
}

// Validate checks client attributes. The vendor's rule: values are
// strings or numbers, refused. The value's form: numbers are finite,
// refused. jivokit's advice (a *Warning): at least one attribute, ids not
// empty. Of several problems it reports a refusal first, and then the one
// with the smallest id, so the same map always gets the same error.
func (a ClientAttributes) Validate() error {
	if len(a) == 0 {
		return report("attributes", problemNoAttributes, KindAdvice)
	}
	badID, problem, kind, named := "", "", Kind(0), false
	for id, v := range a {
		p, k, f := "", KindVendor, 0.0
		switch v := v.(type) {
		case string, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		case float32:
			f = float64(v)
		case float64:
			f = v
		default:
			p = problemNotTextNum
		}
		if f != f || f > maxFloat || f < -maxFloat {
			p, k = problemNotFinite, KindForm
		}
		if id == "" && p == "" {
			p, k = problemEmptyID, KindAdvice
		}
		worse := problem == "" || kind == KindAdvice && k != KindAdvice
		same := (kind == KindAdvice) == (k == KindAdvice)
		if p != "" && (worse || same && id < badID) {
			badID, problem, kind, named = id, p, k, k != KindAdvice
		}
	}
	field := "attributes"
	if named {
		field += "[" + quote(badID, `"`) + "]"
	}
	return report(field, problem, kind)
}

const maxFloat = 1.7976931348623157e308

// Validate checks that r is a JSON object; only its outer shape is checked.
// What is not one is refused in every mode: setRules takes an object.
func (r Rules) Validate() error {
	problem := ""
	if s := trimSpace(string(r)); len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		problem = problemNotJSONObj
	} else if !utf8.ValidString(s) {
		problem = problemUTF8
	}
	return invalid("rules", problem)
}

// ValidateRule checks value with the validation rule named rule ("text",
// "filled", "phone", "email", "color", "link", "start" or "utf8": see
// ValidationRules) and names field in its error: nil, an *InputError (a
// refusal) or a *Warning (advice). It is how the Go bridge checks the
// parameter of a method whose spec names a rule (Param.Check). An unknown
// rule is an *InputError.
func ValidateRule(rule, field, value string) error {
	for _, n := range namedRules {
		if n.name == rule {
			return n.r.check(field, value)
		}
	}
	return invalid(field, "has no validation rule "+quote(rule, `"`))
}

// ValidateUserToken checks a token for setUserToken: valid UTF-8
// (refused); not blank (advice: the widget answers a blank token with
// {result: 'fail'} itself).
func ValidateUserToken(token string) error { return textRule.check("token", token) }

// Validate checks a page title for sendPageTitle: title and URL valid UTF-8
// (refused); the title not blank, and at most MaxPageTitle characters
// (advice: Capped cuts a longer one).
func (p PageTitle) Validate() error {
	var v verdict
	v.add(textRule.check("title", p.Title))
	v.add(utf8Rule.check("url", p.URL))
	if v.err == nil && utf8.RuneCountInString(p.Title) > MaxPageTitle {
		v.add(report("title", fill(problemTitleCut, "", 0, 0, MaxPageTitle), KindAdvice))
	}
	return v.err
}

// Capped returns p with its title cut to MaxPageTitle characters, on a
// character boundary; p itself when it is not longer.
func (p PageTitle) Capped() PageTitle {
	n := 0
	for i := range p.Title {
		if n == MaxPageTitle {
			p.Title = p.Title[:i]
			break
		}
		n++
	}
	return p
}

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

// ValidateCustomData checks fields for setCustomData: at most
// MaxCustomFields fields, each with at least one of content, title and key
// (a key alone is a label the agent sees), all valid UTF-8, and a link, when
// given, that ValidateLink accepts. A link alone is not enough.
func ValidateCustomData(fields []CustomField) error {
	if len(fields) > MaxCustomFields {
		return invalid("fields", fill(problemTooMany, "", len(fields), 0, MaxCustomFields))
	}
	for i, f := range fields {
		key, problem := "", ""
		switch {
		case f.Content == "" && f.Title == "" && f.Key == "":
			problem = problemNoContent
		case !utf8.ValidString(f.Content):
			key, problem = ".content", problemUTF8
		case !utf8.ValidString(f.Title):
			key, problem = ".title", problemUTF8
		case !utf8.ValidString(f.Key):
			key, problem = ".key", problemUTF8
		case !utf8.ValidString(f.Link):
			key, problem = ".link", problemUTF8
		case f.Link != "":
			key, problem = ".link", linkRule.problem(f.Link)
		}
		if problem != "" {
			return invalid("fields["+strconv.Itoa(i)+"]"+key, problem)
		}
	}
	return nil
}

// ValidateLink checks that link is an absolute http or https URL with a
// host, and a port, when one follows the host, of at most 5 digits and at
// most 65535 (an empty one, as in "https://example.com:/", means the
// default port, as in browsers). Other schemes (javascript:, data:, ...)
// never pass.
func ValidateLink(link string) error { return invalid("link", linkRule.problem(link)) }

// LinkHost returns the host name of an http(s) link, without port or user
// info, with its ASCII letters lower-cased, or "" when link is not one that
// ValidateLink accepts. An IPv6 address comes without its brackets. A host
// in other scripts is returned as written; browsers send such hosts in their
// ASCII (punycode) form.
func LinkHost(link string) string {
	if linkRule.problem(link) != "" {
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

// ValidatePhone checks a phone number for startCall: an optional leading +,
// then 5 to 15 digits, which may be grouped with spaces, dots, dashes and
// parentheses.
func ValidatePhone(phone string) error { return invalid("phone", phoneRule.problem(phone)) }

// ValidateEmail checks the rough shape of an e-mail address: one @ with text
// on both sides, a dot in the domain, and no white space (as
// strings.TrimSpace sees it), control characters, <, > or ".
func ValidateEmail(email string) error { return invalid("email", emailRule.problem(email)) }

// ValidateColor checks a hex colour for setWidgetColor: "#rgb" or "#rrggbb".
func ValidateColor(color string) error { return invalid("color", colorRule.problem(color)) }

// Validate checks the colours of c; Color2 may be empty.
func (c WidgetColor) Validate() error {
	if p := colorRule.problem(c.Color); p != "" || c.Color2 == "" {
		return invalid("color", p)
	}
	return invalid("color2", colorRule.problem(c.Color2))
}

// Validate checks an offline message as the widget does: a message is
// required, with an e-mail address or a phone number to answer to; those
// given must be well formed.
func (m OfflineMessage) Validate() error {
	if p := filledRule.problem(m.Message); p != "" {
		return invalid("message", p)
	}
	if m.Email == "" && m.Phone == "" {
		return invalid("email", problemNoAnswerTo)
	}
	return validateContact(m.Email, m.Phone)
}

// Validate checks contact info for setContactInfo: the e-mail address and
// phone number, when given, must be well formed.
func (c ContactInfo) Validate() error { return validateContact(c.Email, c.Phone) }

// validateContact checks an e-mail address and a phone number, each when
// given.
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

// Validate checks open's options.
func (o OpenOptions) Validate() error {
	return invalid("start", startRule.problem(string(o.Start)))
}

// Validate checks an invitation: its text must not be empty.
func (inv Invitation) Validate() error {
	if p := filledRule.problem(inv.Text); p != "" {
		return invalid("invitation_text", p)
	}
	if inv.DepartmentID < 0 {
		return invalid("department_id", problemNegative)
	}
	return nil
}

// Validate checks client attributes: at least one, ids not empty, values
// strings or finite numbers. When several are wrong it reports the one with
// the smallest id, so the same map always gets the same error.
func (a ClientAttributes) Validate() error {
	if len(a) == 0 {
		return invalid("attributes", problemEmpty)
	}
	badID, problem := "", ""
	for id, v := range a {
		p, f := "", 0.0
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
			p = problemNotFinite
		}
		if id == "" {
			p = problemEmptyID
		}
		if p != "" && (problem == "" || id < badID) {
			badID, problem = id, p
		}
	}
	field := "attributes"
	if badID != "" {
		field += "[" + quote(badID, `"`) + "]"
	}
	return invalid(field, problem)
}

const maxFloat = 1.7976931348623157e308

// Validate checks that r is a JSON object; only its outer shape is checked.
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
// ValidationRules) and names field in its error. It is how the Go bridge
// checks the parameter of a method whose spec names a rule (Param.Check).
// An unknown rule is an error too.
func ValidateRule(rule, field, value string) error {
	for _, n := range namedRules {
		if n.name == rule {
			return invalid(field, n.r.problem(value))
		}
	}
	return invalid(field, "has no validation rule "+quote(rule, `"`))
}

// ValidateUserToken checks a token for setUserToken: not blank, valid UTF-8.
func ValidateUserToken(token string) error { return invalid("token", textRule.problem(token)) }

// Validate checks a page title for sendPageTitle: the title must not be
// blank; title and URL must be valid UTF-8.
func (p PageTitle) Validate() error {
	if problem := textRule.problem(p.Title); problem != "" || p.URL == "" {
		return invalid("title", problem)
	}
	return invalid("url", utf8Rule.problem(p.URL))
}

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

const (
	problemEmpty = "is empty"
	problemUTF8  = "is not valid UTF-8"
)

// ValidateCustomData checks fields for setCustomData: at most
// MaxCustomFields fields, each with at least one of content, title and key
// (a key alone is a label the agent sees), all valid UTF-8, and a link, when
// given, that ValidateLink accepts. A link alone is not enough.
func ValidateCustomData(fields []CustomField) error {
	if len(fields) > MaxCustomFields {
		return invalid("fields", "has "+strconv.Itoa(len(fields))+" entries, at most "+strconv.Itoa(MaxCustomFields)+" are allowed")
	}
	for i, f := range fields {
		key, problem := "", ""
		switch {
		case f.Content == "" && f.Title == "" && f.Key == "":
			problem = "has no content, title or key"
		case !utf8.ValidString(f.Content):
			key, problem = ".content", problemUTF8
		case !utf8.ValidString(f.Title):
			key, problem = ".title", problemUTF8
		case !utf8.ValidString(f.Key):
			key, problem = ".key", problemUTF8
		case !utf8.ValidString(f.Link):
			key, problem = ".link", problemUTF8
		case f.Link != "":
			key, problem = ".link", linkProblem(f.Link)
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
func ValidateLink(link string) error { return invalid("link", linkProblem(link)) }

func linkProblem(link string) string {
	_, problem := linkHost(link)
	return problem
}

// linkHost returns the host of an http(s) link, as written (an IPv6 address
// in its brackets), and what is wrong with the link, "" when nothing is.
func linkHost(link string) (host, problem string) {
	i := index(link, "://")
	if i < 0 {
		return "", "is not an absolute http or https URL"
	}
	if !httpScheme(link[:i]) {
		return "", "has scheme " + quote(link[:i], `"`) + ", only http and https are allowed"
	}
	hp := link[i+3:] // the host and port: up to the path, query or fragment, without user info
	for j := 0; j < len(hp); j++ {
		if c := hp[j]; c == '/' || c == '?' || c == '#' {
			hp = hp[:j]
			break
		}
	}
	hp = hp[lastIndexByte(hp, '@')+1:]
	// The port follows the first colon, or the one right after the ] of an
	// IPv6 address.
	c := indexByte(hp, ':')
	if hp != "" && hp[0] == '[' {
		c = indexByte(hp, ']') + 1
		if c == 0 || c < len(hp) && hp[c] != ':' {
			return "", "has a malformed IPv6 address"
		}
	}
	if c < 0 {
		c = len(hp)
	}
	host = hp[:c]
	port, n := hp[c:], 0 // "", or ":" and the port
	for j := 1; j < len(port); j++ {
		if d := port[j] - '0'; d <= 9 && j <= 5 {
			n = n*10 + int(d)
		} else {
			n = 1 << 16
		}
	}
	switch {
	case host == "" || host == "[]":
		return "", "has no host"
	case n > 65535:
		return "", "has a port that is not a number from 0 to 65535"
	}
	for _, r := range link {
		if r <= ' ' || r == 0x7f || r == '\\' {
			return "", "contains a space, control character or backslash"
		}
	}
	return host, ""
}

// LinkHost returns the host name of an http(s) link, without port or user
// info, with its ASCII letters lower-cased, or "" when link is not one that
// ValidateLink accepts. An IPv6 address comes without its brackets. A host
// in other scripts is returned as written; browsers send such hosts in their
// ASCII (punycode) form.
func LinkHost(link string) string {
	host, problem := linkHost(link)
	if problem != "" {
		return ""
	}
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
func ValidatePhone(phone string) error {
	if isBlank(phone) {
		return invalid("phone", problemEmpty)
	}
	digits, bad, end := 0, -1, len(phone) // phone[bad:end] is the first character not allowed
	for i, r := range phone {
		if bad >= 0 {
			end = i
			break
		}
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			bad = i
		}
	}
	if bad >= 0 {
		return invalid("phone", "contains "+quote(phone[bad:end], "'")+"; only digits, a leading +, spaces, dots, dashes and parentheses are allowed")
	}
	if digits < 5 || digits > 15 {
		return invalid("phone", "has "+strconv.Itoa(digits)+" digits, a phone number has 5 to 15")
	}
	return nil
}

// ValidateEmail checks the rough shape of an e-mail address: one @ with text
// on both sides, a dot in the domain, and no white space (as
// strings.TrimSpace sees it), control characters, <, > or ".
func ValidateEmail(email string) error {
	problem := ""
	at := indexByte(email, '@')
	if at <= 0 || at == len(email)-1 {
		return invalid("email", "is not an e-mail address")
	}
	for i := 0; i < len(email); i++ {
		if c := email[i]; c < ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '@' && i != at || spaceAt(email[i:]) > 0 {
			problem = "contains a character an e-mail address cannot have"
		}
	}
	domain := email[at+1:]
	for domain != "" && domain[0] == '.' {
		domain = domain[1:]
	}
	for domain != "" && domain[len(domain)-1] == '.' {
		domain = domain[:len(domain)-1]
	}
	if problem == "" && indexByte(domain, '.') < 0 {
		problem = "has no dot in its domain"
	}
	return invalid("email", problem)
}

// ValidateColor checks a hex colour for setWidgetColor: "#rgb" or "#rrggbb".
func ValidateColor(color string) error { return invalid("color", colorProblem(color)) }

func colorProblem(color string) string {
	ok := (len(color) == 4 || len(color) == 7) && color[0] == '#'
	for i := 1; ok && i < len(color); i++ {
		c := color[i] | 0x20 // lower-cases letters
		ok = '0' <= c && c <= '9' || 'a' <= c && c <= 'f'
	}
	if !ok {
		return quote(color, `"`) + " is not a hex colour like #1e88e5 or #fff"
	}
	return ""
}

// Validate checks the colours of c; Color2 may be empty.
func (c WidgetColor) Validate() error {
	if p := colorProblem(c.Color); p != "" || c.Color2 == "" {
		return invalid("color", p)
	}
	return invalid("color2", colorProblem(c.Color2))
}

// Validate checks an offline message as the widget does: a message is
// required, with an e-mail address or a phone number to answer to; those
// given must be well formed.
func (m OfflineMessage) Validate() error {
	switch {
	case isBlank(m.Message):
		return invalid("message", problemEmpty)
	case m.Email == "" && m.Phone == "":
		return invalid("email", "and phone are both empty; give one to answer to")
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
	switch o.Start {
	case StartDefault, StartChat, StartCall, StartMenu:
		return nil
	}
	return invalid("start", quote(string(o.Start), `"`)+" is not chat, call or menu")
}

// Validate checks an invitation: its text must not be empty.
func (inv Invitation) Validate() error {
	if isBlank(inv.Text) {
		return invalid("invitation_text", problemEmpty)
	}
	if inv.DepartmentID < 0 {
		return invalid("department_id", "is negative")
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
			p = "is neither a string nor a number"
		}
		if f != f || f > maxFloat || f < -maxFloat {
			p = "is not a finite number"
		}
		if id == "" {
			p = "has an empty id"
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
		problem = "is not a JSON object"
	} else if !utf8.ValidString(s) {
		problem = problemUTF8
	}
	return invalid("rules", problem)
}

// ValidateUserToken checks a token for setUserToken: not blank, valid UTF-8.
func ValidateUserToken(token string) error { return invalid("token", textProblem(token)) }

// textProblem checks text that must not be blank.
func textProblem(s string) string {
	switch {
	case isBlank(s):
		return problemEmpty
	case !utf8.ValidString(s):
		return problemUTF8
	}
	return ""
}

// Validate checks a page title for sendPageTitle: the title must not be
// blank; title and URL must be valid UTF-8.
func (p PageTitle) Validate() error {
	if problem := textProblem(p.Title); problem != "" || utf8.ValidString(p.URL) {
		return invalid("title", problem)
	}
	return invalid("url", problemUTF8)
}

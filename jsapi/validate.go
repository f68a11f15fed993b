package jsapi

import "unicode/utf8"

// ValidateCustomData checks fields for setCustomData: at most
// MaxCustomFields fields, each with content or a title, valid UTF-8, and a
// link, when given, that is an absolute http or https URL.
func ValidateCustomData(fields []CustomField) error {
	if len(fields) > MaxCustomFields {
		return &InputError{Field: "fields", Problem: "has " + itoa(len(fields)) + " entries, at most " + itoa(MaxCustomFields) + " are allowed"}
	}
	for i, f := range fields {
		name := "fields[" + itoa(i) + "]"
		if f.Content == "" && f.Title == "" && f.Key == "" {
			return &InputError{Field: name, Problem: "has no content, title or key"}
		}
		for _, s := range [...]struct{ k, v string }{{"content", f.Content}, {"title", f.Title}, {"key", f.Key}, {"link", f.Link}} {
			if !utf8.ValidString(s.v) {
				return &InputError{Field: name + "." + s.k, Problem: "is not valid UTF-8"}
			}
		}
		if f.Link != "" {
			if err := ValidateLink(f.Link); err != nil {
				return &InputError{Field: name + ".link", Problem: err.(*InputError).Problem}
			}
		}
	}
	return nil
}

// ValidateLink checks that link is an absolute http or https URL with a
// host. Other schemes (javascript:, data:, ...) never pass.
func ValidateLink(link string) error {
	i := index(link, "://")
	if i < 0 {
		return &InputError{Field: "link", Problem: "is not an absolute http or https URL"}
	}
	switch scheme := link[:i]; lowerASCII(scheme) {
	case "http", "https":
	default:
		return &InputError{Field: "link", Problem: "has scheme " + quote(scheme, '"') + ", only http and https are allowed"}
	}
	if linkHostPort(link[i+3:]) == "" {
		return &InputError{Field: "link", Problem: "has no host"}
	}
	for _, r := range link {
		if r <= ' ' || r == 0x7f || r == '\\' {
			return &InputError{Field: "link", Problem: "contains a space, control character or backslash"}
		}
	}
	return nil
}

// linkHostPort returns the host and port of what follows a link's "://":
// up to the path, query or fragment, without user info.
func linkHostPort(rest string) string {
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c == '/' || c == '?' || c == '#' {
			rest = rest[:i]
			break
		}
	}
	return rest[lastIndexByte(rest, '@')+1:]
}

// LinkHost returns the host name of an http(s) link, without port or user
// info, with its ASCII letters lower-cased, or "" when link is not one. A
// host in other scripts is returned as written; browsers send such hosts
// in their ASCII (punycode) form.
func LinkHost(link string) string {
	if ValidateLink(link) != nil {
		return ""
	}
	host := linkHostPort(link[index(link, "://")+3:])
	if host[0] == '[' {
		if end := indexByte(host, ']'); end > 0 {
			return lowerASCII(host[1:end])
		}
	}
	if i := lastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
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
		return &InputError{Field: "phone", Problem: "is empty"}
	}
	digits := 0
	for i, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return &InputError{Field: "phone", Problem: "contains " + quoteRuneAt(phone, i) + "; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"}
		}
	}
	if digits < 5 || digits > 15 {
		return &InputError{Field: "phone", Problem: "has " + itoa(digits) + " digits, a phone number has 5 to 15"}
	}
	return nil
}

// ValidateEmail checks the rough shape of an e-mail address: one @ with text
// on both sides, a dot in the domain, and no spaces.
func ValidateEmail(email string) error {
	at := indexByte(email, '@')
	if at <= 0 || at == len(email)-1 {
		return &InputError{Field: "email", Problem: "is not an e-mail address"}
	}
	for i := 0; i < len(email); i++ {
		switch email[i] {
		case ' ', '\t', '\r', '\n', '<', '>', '"':
			return &InputError{Field: "email", Problem: "contains a character an e-mail address cannot have"}
		case '@':
			if i != at {
				return &InputError{Field: "email", Problem: "contains a character an e-mail address cannot have"}
			}
		}
	}
	domain := email[at+1:]
	for domain != "" && domain[0] == '.' {
		domain = domain[1:]
	}
	for domain != "" && domain[len(domain)-1] == '.' {
		domain = domain[:len(domain)-1]
	}
	if indexByte(domain, '.') < 0 {
		return &InputError{Field: "email", Problem: "has no dot in its domain"}
	}
	return nil
}

// ValidateColor checks a hex colour for setWidgetColor: "#rgb" or "#rrggbb".
func ValidateColor(color string) error {
	if len(color) != 4 && len(color) != 7 || color[0] != '#' {
		return &InputError{Field: "color", Problem: quote(color, '"') + " is not a hex colour like #1e88e5 or #fff"}
	}
	for i := 1; i < len(color); i++ {
		c := color[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return &InputError{Field: "color", Problem: quote(color, '"') + " is not a hex colour like #1e88e5 or #fff"}
		}
	}
	return nil
}

// Validate checks the colours of c; Color2 may be empty.
func (c WidgetColor) Validate() error {
	if err := ValidateColor(c.Color); err != nil {
		return err
	}
	if c.Color2 != "" {
		if err := ValidateColor(c.Color2); err != nil {
			return &InputError{Field: "color2", Problem: err.(*InputError).Problem}
		}
	}
	return nil
}

// Validate checks an offline message as the widget does: a message is
// required, with an e-mail address or a phone number to answer to; those
// given must be well formed.
func (m OfflineMessage) Validate() error {
	if isBlank(m.Message) {
		return &InputError{Field: "message", Problem: "is empty"}
	}
	if m.Email == "" && m.Phone == "" {
		return &InputError{Field: "email", Problem: "and phone are both empty; give one to answer to"}
	}
	if m.Email != "" {
		if err := ValidateEmail(m.Email); err != nil {
			return err
		}
	}
	if m.Phone != "" {
		if err := ValidatePhone(m.Phone); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks contact info for setContactInfo: the e-mail address and
// phone number, when given, must be well formed.
func (c ContactInfo) Validate() error {
	if c.Email != "" {
		if err := ValidateEmail(c.Email); err != nil {
			return err
		}
	}
	if c.Phone != "" {
		if err := ValidatePhone(c.Phone); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks open's options.
func (o OpenOptions) Validate() error {
	switch o.Start {
	case StartDefault, StartChat, StartCall, StartMenu:
		return nil
	}
	return &InputError{Field: "start", Problem: quote(string(o.Start), '"') + " is not chat, call or menu"}
}

// Validate checks an invitation: its text must not be empty.
func (inv Invitation) Validate() error {
	if isBlank(inv.Text) {
		return &InputError{Field: "invitation_text", Problem: "is empty"}
	}
	if inv.DepartmentID < 0 {
		return &InputError{Field: "department_id", Problem: "is negative"}
	}
	return nil
}

// Validate checks client attributes: at least one, ids not empty, values
// strings or finite numbers.
func (a ClientAttributes) Validate() error {
	if len(a) == 0 {
		return &InputError{Field: "attributes", Problem: "is empty"}
	}
	for id, v := range a {
		if id == "" {
			return &InputError{Field: "attributes", Problem: "has an empty id"}
		}
		f := 0.0
		switch v := v.(type) {
		case string, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		case float32:
			f = float64(v)
		case float64:
			f = v
		default:
			return &InputError{Field: "attributes[" + quote(id, '"') + "]", Problem: "is neither a string nor a number"}
		}
		if f != f || f > maxFloat || f < -maxFloat {
			return &InputError{Field: "attributes[" + quote(id, '"') + "]", Problem: "is not a finite number"}
		}
	}
	return nil
}

const maxFloat = 1.7976931348623157e308

// Validate checks that r is a JSON object; only its outer shape is checked.
func (r Rules) Validate() error {
	s := trimSpace(string(r))
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return &InputError{Field: "rules", Problem: "is not a JSON object"}
	}
	if !utf8.ValidString(s) {
		return &InputError{Field: "rules", Problem: "is not valid UTF-8"}
	}
	return nil
}

// ValidateUserToken checks a token for setUserToken: not blank, valid UTF-8.
func ValidateUserToken(token string) error {
	switch {
	case isBlank(token):
		return &InputError{Field: "token", Problem: "is empty"}
	case !utf8.ValidString(token):
		return &InputError{Field: "token", Problem: "is not valid UTF-8"}
	}
	return nil
}

// Validate checks a page title for sendPageTitle: the title must not be
// blank; title and URL must be valid UTF-8.
func (p PageTitle) Validate() error {
	switch {
	case isBlank(p.Title):
		return &InputError{Field: "title", Problem: "is empty"}
	case !utf8.ValidString(p.Title):
		return &InputError{Field: "title", Problem: "is not valid UTF-8"}
	case !utf8.ValidString(p.URL):
		return &InputError{Field: "url", Problem: "is not valid UTF-8"}
	}
	return nil
}

package jsapi

// SafeHosts is an allow-list of the hosts links may point to, as the admin
// panel's "Safe URL" setting is for setCustomData: the widget leaves out
// links to other domains. The snippet (package templates) and the webhook
// handler (package webhook) both check the links they pass on with one.
//
// Each entry is a host name, such as "example.com", and allows that host
// and all its subdomains ("crm.example.com", "a.b.example.com"), on any
// port. Entries are compared without regard to the case of ASCII letters;
// one trailing dot is ignored. An entry must be a plain ASCII host name:
// labels of letters, digits and '-' joined by dots, with at least one dot
// (so that no single top-level domain allows a whole namespace), or
// "localhost". NewSafeHosts refuses anything else with a message saying
// what to write instead: wildcards ("*.example.com") and leading dots are
// not needed, since subdomains are always allowed; schemes, ports and paths
// are not part of a host; internationalized names are given in their ASCII
// (punycode, "xn--") form, which is what browsers put in links.
//
// The zero value is no allow-list: every link passes, with jivokit's advice
// (ValidateLink) on one that is not an absolute http(s) URL. With a list,
// only http and https links to its hosts pass: the vendor's rule. A
// SafeHosts is immutable and safe for concurrent use.
type SafeHosts struct {
	hosts []string // lower-case, without a trailing dot
}

// NewSafeHosts returns the allow-list of hosts, or an *InputError naming
// every entry that is not a host name and why. No hosts at all give the
// zero SafeHosts, which allows every http(s) link.
func NewSafeHosts(hosts ...string) (SafeHosts, error) {
	var s SafeHosts
	problems := ""
	for _, h := range hosts {
		if p := safeHostProblem(h); p != "" {
			if problems != "" {
				problems += "; "
			}
			problems += quote(h, `"`) + " " + p
			continue
		}
		s.hosts = append(s.hosts, lowerHost(h))
	}
	if problems != "" {
		return SafeHosts{}, &InputError{Field: "safe hosts", Problem: problems}
	}
	return s, nil
}

// Hosts returns the list's entries as they are compared: lower-case,
// without a trailing dot. It is empty for the zero SafeHosts.
func (s SafeHosts) Hosts() []string { return append([]string(nil), s.hosts...) }

// Allows returns nil when link may be passed on as it is. With the zero
// SafeHosts every link may: a link ValidateLink advises on ("/crm/add",
// "mailto:ann@example.com") gives its *Warning, and goes through unless
// strict. With a list, the vendor's "Safe URL" rule holds: a link is kept
// only when it is an http or https URL that ValidateLink accepts, whose host
// is on the list or a subdomain of a host on it; any other link gives a
// *HostError and is left out in every mode.
func (s SafeHosts) Allows(link string) error {
	p, k := linkRule.problem(link)
	if len(s.hosts) == 0 {
		return report("link", p, k)
	}
	if p != "" {
		return &HostError{}
	}
	host := linkHost(link)
	if indexByte(host, '%') < 0 { // a percent-encoded host is never one of ours
		for _, safe := range s.hosts {
			if host == safe || len(host) > len(safe) && host[len(host)-len(safe)-1] == '.' && host[len(host)-len(safe):] == safe {
				return nil
			}
		}
	}
	return &HostError{Host: host}
}

// HostError says that a link is not shown because of the safe-host list:
// its host is not on it, or it is no http(s) link with a host at all.
type HostError struct {
	Host string // the link's host, lower-case (LinkHost); "" when it has none
}

func (e *HostError) Error() string {
	if e.Host == "" {
		return "jivo: link " + problemHostNotSafe
	}
	return "jivo: link host " + quote(e.Host, `"`) + " is not a safe host"
}

// safeHostProblem says what is wrong with an entry of a safe host list, or
// returns "".
func safeHostProblem(h string) string {
	const alone = "; give the host name alone, such as \"example.com\""
	const subdomains = ", which allows its subdomains too"
	if h == "" {
		return "is empty"
	}
	if n := len(h); n > 1 && h[n-1] == '.' {
		h = h[:n-1] // a fully qualified name
	}
	colon, slash := indexByte(h, ':'), indexByte(h, '/')
	switch {
	case h[0] == '*':
		return "is a wildcard; give the domain, such as \"example.com\"" + subdomains
	case h[0] == '.':
		return "starts with a dot; give the domain, such as \"example.com\"" + subdomains
	case slash == 0 || slash > 0 && colon >= 0 && colon < slash:
		return "is a URL" + alone
	case slash > 0:
		return "has a path" + alone
	case colon >= 0:
		return "has a port or is an IPv6 address" + alone + " (any port is allowed)"
	case len(h) > 253:
		return "is longer than a host name can be (253 bytes)"
	}
	dots, label := 0, 0
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 0x80:
			return "is not ASCII; give the name's ASCII (punycode, \"xn--\") form, which is what browsers put in links"
		case c == '.':
			if label == 0 || h[i-1] == '-' {
				return "has an empty label or a label that ends with '-'"
			}
			dots, label = dots+1, 0
			continue
		case c == '-' && label == 0:
			return "has a label that starts with '-'"
		case !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-'):
			return "contains " + quote(h[i:i+1], "'") + "; a host name has only letters, digits, '-' and '.'"
		}
		if label++; label > 63 {
			return "has a label longer than 63 bytes"
		}
	}
	switch {
	case label == 0:
		return "has an empty label or a label that ends with '-'"
	case h[len(h)-1] == '-':
		return "has a label that ends with '-'"
	case dots == 0 && lowerHost(h) != "localhost":
		return "has no dot; give a domain such as \"example.com\" (a top-level domain alone would allow every site in it)"
	}
	return ""
}

// lowerHost lower-cases the ASCII letters of a valid entry and drops its
// trailing dot.
func lowerHost(h string) string {
	b := []byte(h)
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

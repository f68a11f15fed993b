package jsapi

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestNewSafeHosts(t *testing.T) {
	for _, tc := range []struct {
		host string
		want string // "" when accepted, else a phrase of the problem
	}{
		{"example.com", ""},
		{"Example.COM.", ""},
		{"crm.example.co.uk", ""},
		{"xn--e1afmkfd.xn--p1ai", ""},
		{"my-shop.example", ""},
		{"localhost", ""},
		{"127.0.0.1", ""},
		{"", "is empty"},
		{".", "starts with a dot"},
		{"*.example.com", "is a wildcard"},
		{"*", "is a wildcard"},
		{".example.com", "starts with a dot"},
		{"https://example.com", "is a URL"},
		{"//example.com", "is a URL"},
		{"example.com/path", "has a path"},
		{"example.com:8080", "has a port"},
		{"::1", "IPv6"},
		{"exa_mple.com", `contains '_'`},
		{"user@example.com", `contains '@'`},
		{" example.com", `contains ' '`},
		{"example.com ", `contains ' '`},
		{"пример.рф", "is not ASCII"},
		{"com", "has no dot"},
		{"intranet", "has no dot"},
		{"example..com", "empty label"},
		{"-example.com", "starts with '-'"},
		{"example-.com", "ends with '-'"},
		{"example.com-", "ends with '-'"},
		{"example.com..", "empty label"},
		{strings.Repeat("a", 64) + ".com", "longer than 63"},
		{strings.Repeat("a.", 127) + "com", "longer than a host name"},
	} {
		s, err := NewSafeHosts(tc.host)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("NewSafeHosts(%q): %v", tc.host, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("NewSafeHosts(%q) = %v, %v; want an error saying %q", tc.host, s.Hosts(), err, tc.want)
		}
		var ie *InputError
		if err != nil && (!errors.As(err, &ie) || !strings.Contains(err.Error(), quote(tc.host, `"`))) {
			t.Errorf("NewSafeHosts(%q): %v is not an *InputError naming the entry", tc.host, err)
		}
	}
}

func TestNewSafeHostsNamesEveryBadEntry(t *testing.T) {
	s, err := NewSafeHosts("example.com", "*.example.org", "exa_mple.net", "shop.example")
	want := `jivo: invalid safe hosts: "*.example.org" is a wildcard; give the domain, such as "example.com", which allows its subdomains too; ` +
		`"exa_mple.net" contains '_'; a host name has only letters, digits, '-' and '.'`
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	if s.Hosts() != nil {
		t.Fatalf("hosts %q returned with an error", s.Hosts())
	}
	s, err = NewSafeHosts("Example.COM.", "crm.example.org")
	if err != nil || !reflect.DeepEqual(s.Hosts(), []string{"example.com", "crm.example.org"}) {
		t.Fatalf("Hosts = %q, %v", s.Hosts(), err)
	}
	s.Hosts()[0] = "evil.net"
	if s.Allows("https://evil.net/") == nil {
		t.Fatal("changing Hosts' result changed the list")
	}
}

func TestSafeHostsAllows(t *testing.T) {
	list, err := NewSafeHosts("Example.COM.", "localhost")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		link        string
		list, empty string // "" when allowed, else a phrase of the error
	}{
		{"https://example.com/a", "", ""},
		{"http://EXAMPLE.com:8080/a", "", ""},
		{"https://example.com./a", "", ""},
		{"https://shop.example.com/a", "", ""},
		{"https://a.b.example.com/a", "", ""},
		{"https://user@example.com/a", "", ""},
		{"http://localhost:8090/jivo", "", ""},
		{"https://evil.com/example.com", `host "evil.com" is not a safe host`, ""},
		{"https://evilexample.com/", `host "evilexample.com"`, ""},
		{"https://example.com.evil.net/", `host "example.com.evil.net"`, ""},
		{"https://example.com@evil.net/", `host "evil.net"`, ""},
		{"https://evil.net#https://example.com", `host "evil.net"`, ""},
		{"https://evil.net?x=.example.com", `host "evil.net"`, ""},
		{"https://evil.net%2f.example.com/", "not a safe host", ""},
		{"https://com/", `host "com"`, ""},
		{"https://[::1]/", `host "::1"`, ""},
		{"javascript:alert(1)//example.com", "not an http(s) link to a safe host", "not an absolute http or https URL"},
		{"JAVASCRIPT://example.com/%0aalert(1)", "not an http(s) link to a safe host", "only http and https"},
		{"data:text/html,example.com", "not an http(s) link to a safe host", "not an absolute http or https URL"},
		{"//example.com/a", "not an http(s) link to a safe host", "not an absolute http or https URL"},
		{"/relative", "not an http(s) link to a safe host", "not an absolute"},
		{"", "not an http(s) link to a safe host", "not an absolute"},
	} {
		for _, s := range []struct {
			name  string
			hosts SafeHosts
			want  string
		}{{"list", list, tc.list}, {"zero", SafeHosts{}, tc.empty}} {
			err := s.hosts.Allows(tc.link)
			if want := s.want; want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
				t.Errorf("%s: Allows(%q) = %v, want %q", s.name, tc.link, err, want)
			}
			// With a list, the vendor's rule: a *HostError. Without one,
			// only advice: a *Warning.
			var he *HostError
			var w *Warning
			if err != nil && (s.name == "list") != errors.As(err, &he) || err != nil && (s.name == "zero") != errors.As(err, &w) {
				t.Errorf("%s: Allows(%q) = %T, want a *HostError with a list and a *Warning without", s.name, tc.link, err)
			}
		}
	}
}

func TestSafeHostsZeroValue(t *testing.T) {
	s, err := NewSafeHosts()
	if err != nil || s.Hosts() != nil {
		t.Fatalf("NewSafeHosts() = %q, %v; want the zero SafeHosts", s.Hosts(), err)
	}
	if err := s.Allows("https://anything.example/"); err != nil {
		t.Fatal(err)
	}
}

// TestSafeHostsAllowsIsValidateLinkAndLinkHost: without a list, Allows
// gives ValidateLink's advice; with one, it refuses every link that is not
// an http(s) link to a listed host with a *HostError naming LinkHost's host,
// for links of every kind.
func TestSafeHostsAllowsIsValidateLinkAndLinkHost(t *testing.T) {
	list, err := NewSafeHosts("example.com")
	if err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{"https://example.com/", "HTTPS://Shop.Example.COM.:8443/a", "https://evil.example/",
		"https://[::1]:8443/", "https://example.com%2e/", "example.com/a", "data://text/html,hi", "https:///path",
		"https://example.com:99999/", "https://[::1/", "https://example.com/a b", "javascript:alert(1)", ""} {
		got, valid := SafeHosts{}.Allows(link), ValidateLink(link)
		if (got == nil) != (valid == nil) || got != nil && got.Error() != valid.Error() {
			t.Errorf("zero.Allows(%q) = %v, want ValidateLink's %v", link, got, valid)
		}
		got = list.Allows(link)
		safe := valid == nil && (LinkHost(link) == "example.com" || LinkHost(link) == "shop.example.com")
		if h, ok := got.(*HostError); safe != (got == nil) || got != nil && (!ok || h.Host != LinkHost(link)) {
			t.Errorf("list.Allows(%q) = %v, want nil for a safe link, else a *HostError for host %q", link, got, LinkHost(link))
		}
	}
}

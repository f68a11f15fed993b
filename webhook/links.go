package webhook

import (
	"fmt"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

// safeHosts is the allow-list of link hosts for replies, lower-cased and
// without trailing dots. Empty allows any host.
type safeHosts []string

func newSafeHosts(hosts []string) safeHosts {
	var s safeHosts
	for _, h := range hosts {
		h = strings.Trim(strings.ToLower(strings.TrimSpace(h)), ".")
		if h != "" {
			s = append(s, h)
		}
	}
	return s
}

// check returns nil when link is an http(s) URL whose host is on the list
// or a subdomain of a host on it; javascript:, data: and other schemes
// never pass, list or not.
func (s safeHosts) check(link string) error {
	if err := jsapi.ValidateLink(link); err != nil {
		return err
	}
	if len(s) == 0 {
		return nil
	}
	host := jsapi.LinkHost(link)
	for _, h := range s {
		if host == h || len(host) > len(h) && strings.HasSuffix(host, h) && host[len(host)-len(h)-1] == '.' {
			return nil
		}
	}
	return fmt.Errorf("host %q is not a safe host", host)
}

package usertoken_test

import (
	"testing"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

func FuzzVerify(f *testing.F) {
	s, _ := usertoken.NewSigner(secretA)
	for _, id := range []string{"v", "customer-42", "Анна"} {
		tok, _ := s.IssueAt(id, t0, time.Hour)
		f.Add(tok)
		f.Add(tok[:len(tok)-1])
	}
	for _, seed := range []string{"", "v1.", "v1..", "v1.AA.AA", "v2.x.y", "v1.////.====", "\xff\xfe"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, token string) {
		c, err := s.VerifyAt(token, t0)
		if err != nil {
			return
		}
		// Whatever verifies must be a token the signer would issue.
		again, err := s.IssueAt(c.VisitorID, c.IssuedAt, c.ExpiresAt.Sub(c.IssuedAt))
		if err != nil || again != token {
			t.Fatalf("verified %q, which the signer would not issue (%q, %v)", token, again, err)
		}
	})
}

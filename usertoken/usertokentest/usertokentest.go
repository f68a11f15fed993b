// Package usertokentest mints visitor tokens for tests: a signer with a fixed
// test secret, and one-line helpers that fail the test instead of returning
// errors.
//
//	signer := usertokentest.Signer(t)
//	handler, err := webhook.New(funcs, webhook.WithSigner(signer))
//	event.UserToken = usertokentest.Mint(t, signer, "customer-42")
package usertokentest

import (
	"testing"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

// Secret is the fixed secret of Signer. Never use it outside tests.
var Secret = []byte("usertokentest: not a secret, tests only!")

// TTL is the lifetime of the tokens Mint issues.
const TTL = time.Hour

// Signer returns a signer with Secret.
func Signer(tb testing.TB) *usertoken.Signer {
	tb.Helper()
	s, err := usertoken.NewSigner(Secret)
	if err != nil {
		tb.Fatalf("usertokentest: %v", err)
	}
	return s
}

// Mint returns a token for visitorID, valid for TTL from now.
func Mint(tb testing.TB, s *usertoken.Signer, visitorID string) string {
	tb.Helper()
	tok, err := s.Issue(visitorID, TTL)
	if err != nil {
		tb.Fatalf("usertokentest: Mint(%q): %v", visitorID, err)
	}
	return tok
}

// Expired returns a token for visitorID that expired a day ago: genuine, but
// Verify reports usertoken.ErrExpired.
func Expired(tb testing.TB, s *usertoken.Signer, visitorID string) string {
	tb.Helper()
	tok, err := s.IssueAt(visitorID, time.Now().Add(-24*time.Hour-TTL), TTL)
	if err != nil {
		tb.Fatalf("usertokentest: Expired(%q): %v", visitorID, err)
	}
	return tok
}

// Forged returns a well-formed token for visitorID signed with a secret s
// does not have: Verify reports usertoken.ErrBadSignature.
func Forged(tb testing.TB, visitorID string) string {
	tb.Helper()
	other, err := usertoken.NewSigner([]byte("usertokentest: the forger's secret, 32+"))
	if err != nil {
		tb.Fatalf("usertokentest: %v", err)
	}
	return Mint(tb, other, visitorID)
}

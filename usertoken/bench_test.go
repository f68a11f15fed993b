package usertoken_test

import (
	"testing"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

func BenchmarkIssue(b *testing.B) {
	s, _ := usertoken.NewSigner(secretA)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Issue("customer-42", time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	s, _ := usertoken.NewSigner(secretA)
	tok, _ := s.Issue("customer-42", time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Verify(tok); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyRotated verifies a token of the oldest of three secrets.
func BenchmarkVerifyRotated(b *testing.B) {
	old, _ := usertoken.NewSigner(secretB)
	tok, _ := old.Issue("customer-42", time.Hour)
	s, _ := usertoken.NewSigner(secretA, make([]byte, 32), secretB)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Verify(tok); err != nil {
			b.Fatal(err)
		}
	}
}

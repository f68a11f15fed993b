package usertokentest_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

func TestHelpers(t *testing.T) {
	s := usertokentest.Signer(t)
	tests := []struct {
		name  string
		token string
		want  error
	}{
		{"Mint", usertokentest.Mint(t, s, "customer-42"), nil},
		{"Expired", usertokentest.Expired(t, s, "customer-42"), usertoken.ErrExpired},
		{"Forged", usertokentest.Forged(t, "customer-42"), usertoken.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := s.Verify(tt.token)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want != usertoken.ErrBadSignature && c.VisitorID != "customer-42" {
				t.Fatalf("visitor id = %q", c.VisitorID)
			}
		})
	}
}

// fakeTB records a failure instead of stopping the test.
type fakeTB struct {
	testing.TB
	failed string
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Fatalf(format string, a ...any) { f.failed = fmt.Sprintf(format, a...) }

func TestMintFailsTheTest(t *testing.T) {
	tb := &fakeTB{TB: t}
	usertokentest.Mint(tb, usertokentest.Signer(t), "")
	if tb.failed == "" {
		t.Fatal("Mint with an empty visitor id did not fail the test")
	}
}

func ExampleMint() {
	t := &testing.T{} // in a test, the test's *testing.T
	signer := usertokentest.Signer(t)
	token := usertokentest.Mint(t, signer, "customer-42")
	claims, err := signer.Verify(token)
	fmt.Println(claims.VisitorID, err)
	// Output: customer-42 <nil>
}

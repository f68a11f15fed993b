package usertoken_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

var (
	secretA = bytes.Repeat([]byte("a"), 32)
	secretB = bytes.Repeat([]byte("b"), 40)
	t0      = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
)

func mustSigner(t *testing.T, secret []byte, older ...[]byte) *usertoken.Signer {
	t.Helper()
	s, err := usertoken.NewSigner(secret, older...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNewSignerRejectsShortSecrets(t *testing.T) {
	tests := []struct {
		name   string
		secret []byte
		older  [][]byte
		want   string
	}{
		{"nil", nil, nil, "secret has 0 bytes"},
		{"31 bytes", make([]byte, 31), nil, "secret has 31 bytes"},
		{"short older", secretA, [][]byte{secretB, []byte("x")}, "older secret 2 has 1 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := usertoken.NewSigner(tt.secret, tt.older...)
			if !errors.Is(err, usertoken.ErrShortSecret) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrShortSecret mentioning %q", err, tt.want)
			}
		})
	}
}

func TestNewSignerCopiesSecret(t *testing.T) {
	secret := bytes.Repeat([]byte("k"), 32)
	s := mustSigner(t, secret)
	tok, _ := s.IssueAt("v", t0, time.Hour)
	secret[0] = 'X'
	if _, err := s.VerifyAt(tok, t0); err != nil {
		t.Fatalf("changing the caller's slice changed the signer: %v", err)
	}
}

func TestIssueVerifyRoundTrip(t *testing.T) {
	s := mustSigner(t, secretA)
	for _, id := range []string{"42", "customer-42", "Анна ✓", strings.Repeat("x", usertoken.MaxVisitorIDLength)} {
		tok, err := s.IssueAt(id, t0, 2*time.Hour)
		if err != nil {
			t.Fatalf("Issue(%q): %v", id, err)
		}
		if !strings.HasPrefix(tok, "v1.") || strings.ContainsAny(tok, "+/= \"<>&") {
			t.Fatalf("token %q is not URL-safe with a version prefix", tok)
		}
		c, err := s.VerifyAt(tok, t0.Add(time.Hour))
		if err != nil {
			t.Fatalf("Verify: %v", err)
		}
		want := usertoken.Claims{VisitorID: id, IssuedAt: t0, ExpiresAt: t0.Add(2 * time.Hour)}
		if c != want {
			t.Fatalf("claims = %+v, want %+v", c, want)
		}
	}
}

func TestIssueIsCompact(t *testing.T) {
	tok, _ := mustSigner(t, secretA).IssueAt("customer-42", t0, 24*time.Hour)
	if len(tok) > 80 {
		t.Fatalf("token for an 11-byte id has %d characters: %s", len(tok), tok)
	}
}

func TestIssueRejectsBadInput(t *testing.T) {
	s := mustSigner(t, secretA)
	tests := []struct {
		name string
		id   string
		ttl  time.Duration
		want error
	}{
		{"empty id", "", time.Hour, usertoken.ErrVisitorID},
		{"long id", strings.Repeat("x", usertoken.MaxVisitorIDLength+1), time.Hour, usertoken.ErrVisitorID},
		{"invalid UTF-8", "a\xffb", time.Hour, usertoken.ErrVisitorID},
		{"zero ttl", "v", 0, usertoken.ErrTTL},
		{"sub-second ttl", "v", time.Millisecond, usertoken.ErrTTL},
		{"negative ttl", "v", -time.Hour, usertoken.ErrTTL},
		{"huge ttl", "v", usertoken.MaxTTL + time.Second, usertoken.ErrTTL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.IssueAt(tt.id, t0, tt.ttl); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestVerifyExpiry(t *testing.T) {
	s := mustSigner(t, secretA)
	tok, _ := s.IssueAt("v", t0, time.Hour)
	exp := t0.Add(time.Hour)
	tests := []struct {
		name string
		at   time.Time
		want error
	}{
		{"just issued", t0, nil},
		{"at expiry", exp, nil},
		{"within skew", exp.Add(usertoken.ClockSkew - time.Second), nil},
		{"past skew", exp.Add(usertoken.ClockSkew), usertoken.ErrExpired},
		{"a day later", exp.Add(24 * time.Hour), usertoken.ErrExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := s.VerifyAt(tok, tt.at)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if c.VisitorID != "v" {
				t.Fatalf("claims not returned: %+v", c)
			}
		})
	}
}

func TestVerifyRefusesTokensFromTheFuture(t *testing.T) {
	s := mustSigner(t, secretA)
	tok, _ := s.IssueAt("v", t0, time.Hour)
	tests := []struct {
		name   string
		signer *usertoken.Signer
		at     time.Time // the verifier's clock
		want   error
	}{
		{"verifier a little behind", s, t0.Add(-usertoken.DefaultFutureSkew), nil},
		{"verifier just too far behind", s, t0.Add(-usertoken.DefaultFutureSkew - time.Second), usertoken.ErrIssuedInFuture},
		{"issued a year ahead", s, t0.AddDate(-1, 0, 0), usertoken.ErrIssuedInFuture},
		{"wider skew", s.WithFutureSkew(time.Hour), t0.Add(-time.Hour), nil},
		{"wider skew, beyond it", s.WithFutureSkew(time.Hour), t0.Add(-time.Hour - time.Second), usertoken.ErrIssuedInFuture},
		{"no skew, same second", s.WithFutureSkew(0), t0, nil},
		{"no skew, a second behind", s.WithFutureSkew(0), t0.Add(-time.Second), usertoken.ErrIssuedInFuture},
		{"negative skew counts as none", s.WithFutureSkew(-time.Hour), t0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.signer.VerifyAt(tok, tt.at)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if c.VisitorID != "v" || !c.IssuedAt.Equal(t0) {
				t.Fatalf("claims not returned: %+v", c)
			}
			if err != nil && (errors.Is(err, usertoken.ErrExpired) || !strings.Contains(err.Error(), "issued at 2025-03-01T12:00:00Z")) {
				t.Fatalf("err = %v, want only ErrIssuedInFuture, with the issue time", err)
			}
		})
	}
	// A token issued by a clock that runs far ahead fails with Verify too.
	future, _ := s.IssueAt("v", time.Now().AddDate(1, 0, 0), time.Hour)
	if _, err := s.Verify(future); !errors.Is(err, usertoken.ErrIssuedInFuture) {
		t.Fatalf("Verify of a token issued a year ahead: err = %v, want ErrIssuedInFuture", err)
	}
}

func TestWithFutureSkew(t *testing.T) {
	s := mustSigner(t, secretA, secretB)
	if got := s.FutureSkew(); got != usertoken.DefaultFutureSkew {
		t.Fatalf("default FutureSkew = %v, want %v", got, usertoken.DefaultFutureSkew)
	}
	w := s.WithFutureSkew(time.Minute)
	if w.FutureSkew() != time.Minute || s.FutureSkew() != usertoken.DefaultFutureSkew {
		t.Fatalf("FutureSkew: new %v, old %v; the old signer must not change", w.FutureSkew(), s.FutureSkew())
	}
	// The copy keeps every secret.
	old := mustSigner(t, secretB)
	tok, _ := old.IssueAt("v", t0, time.Hour)
	if _, err := w.VerifyAt(tok, t0); err != nil {
		t.Fatalf("the copy lost the older secret: %v", err)
	}
	// A signer without a secret stays one.
	if _, err := (&usertoken.Signer{}).WithFutureSkew(time.Hour).Verify(tok); !errors.Is(err, usertoken.ErrNoSecret) {
		t.Fatalf("zero signer's copy: err = %v, want ErrNoSecret", err)
	}
	var nilSigner *usertoken.Signer
	if _, err := nilSigner.WithFutureSkew(time.Hour).Verify(tok); !errors.Is(err, usertoken.ErrNoSecret) {
		t.Fatalf("nil signer's copy: err = %v, want ErrNoSecret", err)
	}
}

func TestVerifyRotation(t *testing.T) {
	old := mustSigner(t, secretB)
	tokOld, _ := old.IssueAt("v", t0, time.Hour)
	rotated := mustSigner(t, secretA, secretB)
	if _, err := rotated.VerifyAt(tokOld, t0); err != nil {
		t.Fatalf("token signed with the older secret: %v", err)
	}
	tokNew, _ := rotated.IssueAt("v", t0, time.Hour)
	if _, err := mustSigner(t, secretA).VerifyAt(tokNew, t0); err != nil {
		t.Fatalf("rotated signer does not sign with its first secret: %v", err)
	}
	if _, err := old.VerifyAt(tokNew, t0); !errors.Is(err, usertoken.ErrBadSignature) {
		t.Fatalf("old signer accepted a token of the new secret: %v", err)
	}
}

func TestVerifyRejects(t *testing.T) {
	s := mustSigner(t, secretA)
	tok, _ := s.IssueAt("customer-42", t0, time.Hour)
	other, _ := mustSigner(t, secretB).IssueAt("customer-42", t0, time.Hour)
	dot := strings.LastIndexByte(tok, '.')
	flip := func(s string, i int) string {
		b := []byte(s)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}
	tests := []struct {
		name  string
		token string
		want  error
	}{
		{"empty", "", usertoken.ErrMalformed},
		{"no prefix", tok[3:], usertoken.ErrMalformed},
		{"other version", "v2" + tok[2:], usertoken.ErrMalformed},
		{"no signature", tok[:dot], usertoken.ErrMalformed},
		{"short signature", tok[:len(tok)-2], usertoken.ErrMalformed},
		{"signature not base64", tok[:len(tok)-1] + "*", usertoken.ErrMalformed},
		{"payload not base64", "v1.*" + tok[4:], usertoken.ErrMalformed},
		{"padding", tok + "=", usertoken.ErrMalformed},
		{"too long", "v1." + strings.Repeat("A", 2000) + tok[dot:], usertoken.ErrMalformed},
		{"other secret", other, usertoken.ErrBadSignature},
		{"payload changed", flip(tok, 5), usertoken.ErrBadSignature},
		{"signature changed", flip(tok, dot+3), usertoken.ErrBadSignature},
		{"signature swapped", tok[:dot] + other[strings.LastIndexByte(other, '.'):], usertoken.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := s.VerifyAt(tt.token, t0)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if c != (usertoken.Claims{}) {
				t.Fatalf("claims returned for a rejected token: %+v", c)
			}
		})
	}
}

func TestErrorsAreDistinct(t *testing.T) {
	all := []error{usertoken.ErrMalformed, usertoken.ErrBadSignature, usertoken.ErrExpired, usertoken.ErrIssuedInFuture,
		usertoken.ErrShortSecret, usertoken.ErrVisitorID, usertoken.ErrTTL, usertoken.ErrNoSecret}
	for i, a := range all {
		for j, b := range all {
			if (i == j) != errors.Is(a, b) {
				t.Errorf("errors.Is(%v, %v) = %v", a, b, errors.Is(a, b))
			}
		}
	}
}

func TestZeroSigner(t *testing.T) {
	token, err := mustSigner(t, secretA).Issue("customer-42", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*usertoken.Signer{"zero": {}, "nil": nil} {
		if tok, err := s.Issue("customer-42", time.Hour); !errors.Is(err, usertoken.ErrNoSecret) || tok != "" {
			t.Errorf("%s signer: Issue = %q, %v; want ErrNoSecret", name, tok, err)
		}
		if c, err := s.Verify(token); !errors.Is(err, usertoken.ErrNoSecret) || c != (usertoken.Claims{}) {
			t.Errorf("%s signer: Verify = %+v, %v; want ErrNoSecret", name, c, err)
		}
	}
}

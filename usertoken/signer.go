package usertoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

const (
	// MinSecretLength is the shortest secret NewSigner accepts, in bytes.
	// Use random bytes (crypto/rand), not a password.
	MinSecretLength = 32
	// MaxVisitorIDLength is the longest visitor id a token carries, in bytes.
	MaxVisitorIDLength = 256
	// MaxTTL is the longest lifetime Issue accepts.
	MaxTTL = 10 * 365 * 24 * time.Hour
	// ClockSkew is how long after its expiry Verify still accepts a token.
	ClockSkew = time.Minute
	// DefaultFutureSkew is how far ahead of the verifier's clock a token's
	// issue time may lie, for servers whose clocks differ a little. A token
	// issued later than that is refused with ErrIssuedInFuture; change the
	// allowance with Signer.WithFutureSkew.
	DefaultFutureSkew = 5 * time.Minute
)

// Claims is what a token says.
type Claims struct {
	VisitorID string
	IssuedAt  time.Time // UTC, whole seconds
	ExpiresAt time.Time // UTC, whole seconds
}

// Signer issues tokens with its current secret and verifies tokens signed
// with any of its secrets. It is safe for concurrent use. Make one with
// NewSigner: a zero or nil Signer has no secret, and its methods fail with
// ErrNoSecret.
type Signer struct {
	keys []key
	// future is how far ahead of now an issue time may lie, less
	// DefaultFutureSkew (so that the zero value means the default).
	future time.Duration
}

type key struct {
	pool sync.Pool // of hash.Hash: HMAC-SHA256 under this key
}

// NewSigner returns a Signer that signs with secret and also accepts tokens
// signed with the older secrets. Each secret must be at least
// MinSecretLength bytes; the secrets are copied.
func NewSigner(secret []byte, older ...[]byte) (*Signer, error) {
	all := append([][]byte{secret}, older...)
	s := &Signer{keys: make([]key, len(all))}
	for i, sec := range all {
		if len(sec) < MinSecretLength {
			which := "secret"
			if i > 0 {
				which = "older secret " + strconv.Itoa(i)
			}
			return nil, fmt.Errorf("%w: %s has %d bytes, at least %d are required", ErrShortSecret, which, len(sec), MinSecretLength)
		}
		k := append([]byte(nil), sec...)
		s.keys[i].pool.New = func() any { return hmac.New(sha256.New, k) }
	}
	return s, nil
}

// WithFutureSkew returns a Signer with the same secrets that accepts a token
// whose issue time lies at most d after the verifier's clock (the default
// is DefaultFutureSkew). A d below zero counts as zero: every token issued
// after now is refused. s itself is not changed.
func (s *Signer) WithFutureSkew(d time.Duration) *Signer {
	if s.empty() {
		return s
	}
	d = max(d, 0)
	return &Signer{keys: s.keys, future: d - DefaultFutureSkew}
}

// FutureSkew is how far ahead of the verifier's clock an issue time may
// lie; see WithFutureSkew.
func (s *Signer) FutureSkew() time.Duration {
	if s == nil {
		return DefaultFutureSkew
	}
	return s.future + DefaultFutureSkew
}

// Issue returns a token for visitorID that expires ttl from now.
func (s *Signer) Issue(visitorID string, ttl time.Duration) (string, error) {
	return s.IssueAt(visitorID, time.Now(), ttl)
}

// IssueAt is Issue with the issue time given, for tests and for servers
// that keep their own clock.
func (s *Signer) IssueAt(visitorID string, now time.Time, ttl time.Duration) (string, error) {
	if s.empty() {
		return "", ErrNoSecret
	}
	if err := checkVisitorID(visitorID); err != nil {
		return "", err
	}
	if ttl < time.Second || ttl > MaxTTL {
		return "", fmt.Errorf("%w: %v is not between 1s and %v", ErrTTL, ttl, MaxTTL)
	}
	iat := now.Unix()
	if iat < 0 || iat > maxIssueUnix {
		return "", fmt.Errorf("%w: issue time %v is out of range", ErrTTL, now)
	}
	return string(s.keys[0].appendToken(nil, visitorID, uint64(iat), uint64(ttl/time.Second))), nil
}

// Verify checks token and returns its claims. The error wraps ErrMalformed,
// ErrBadSignature, ErrIssuedInFuture or ErrExpired (or is ErrNoSecret); with
// ErrIssuedInFuture and ErrExpired the claims are returned too, since the
// token is genuine. A token issued more than FutureSkew after now was made
// by a server whose clock runs ahead, or with IssueAt and a time to come:
// it is not valid yet.
func (s *Signer) Verify(token string) (Claims, error) {
	return s.VerifyAt(token, time.Now())
}

// VerifyAt is Verify at the given time.
func (s *Signer) VerifyAt(token string, now time.Time) (Claims, error) {
	if s.empty() {
		return Claims{}, ErrNoSecret
	}
	p, err := parse(token)
	if err != nil {
		return Claims{}, err
	}
	ok := false
	for i := range s.keys {
		// Every key is tried, so the time taken does not tell which matched.
		if s.keys[i].check(p) {
			ok = true
		}
	}
	if !ok {
		return Claims{}, ErrBadSignature
	}
	c, err := p.claims()
	if err != nil {
		return Claims{}, err
	}
	if c.IssuedAt.After(now.Add(s.FutureSkew())) {
		return c, fmt.Errorf("%w: issued at %s, more than %v after now (%s)", ErrIssuedInFuture,
			c.IssuedAt.Format(time.RFC3339), s.FutureSkew(), now.UTC().Truncate(time.Second).Format(time.RFC3339))
	}
	if !now.Before(c.ExpiresAt.Add(ClockSkew)) {
		return c, fmt.Errorf("%w: at %s", ErrExpired, c.ExpiresAt.Format(time.RFC3339))
	}
	return c, nil
}

// empty reports whether s has no secret: nil, or not made by NewSigner.
func (s *Signer) empty() bool { return s == nil || len(s.keys) == 0 }

func checkVisitorID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: empty", ErrVisitorID)
	case len(id) > MaxVisitorIDLength:
		return fmt.Errorf("%w: %d bytes, at most %d are allowed", ErrVisitorID, len(id), MaxVisitorIDLength)
	case !utf8.ValidString(id):
		return fmt.Errorf("%w: not valid UTF-8", ErrVisitorID)
	}
	return nil
}

// mac appends the HMAC of the token's signed part to dst.
func (k *key) mac(dst []byte, signed []byte) []byte {
	h := k.pool.Get().(hash.Hash)
	h.Reset()
	h.Write(signed)
	dst = h.Sum(dst)
	k.pool.Put(h)
	return dst
}

package webhook

import (
	"fmt"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

// Identity is who the visitor is, as far as a signed user_token proves it.
type Identity struct {
	// VisitorID is the id the token was issued for; "" unless verified.
	VisitorID string
	// Claims are the token's claims; zero unless the token is genuine
	// (they are set for an expired token too).
	Claims usertoken.Claims
	// Err says why the visitor is not verified: it wraps ErrNoSigner,
	// ErrNoUserToken, or ErrTokenInvalid together with the usertoken
	// sentinel (usertoken.ErrExpired, ...). Nil when verified.
	Err error
}

// Verified reports whether the event's user_token is a genuine, unexpired
// token.
func (id Identity) Verified() bool { return id.Err == nil && id.VisitorID != "" }

// verify returns the identity the token proves under s at now.
func verify(s *usertoken.Signer, token string, now time.Time) Identity {
	switch {
	case s == nil:
		return Identity{Err: ErrNoSigner}
	case token == "":
		return Identity{Err: ErrNoUserToken}
	}
	c, err := s.VerifyAt(token, now)
	if err != nil {
		return Identity{Claims: c, Err: fmt.Errorf("%w: %w", ErrTokenInvalid, err)}
	}
	return Identity{VisitorID: c.VisitorID, Claims: c}
}

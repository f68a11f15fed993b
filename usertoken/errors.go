package usertoken

// Error is a sentinel error of this package; test for one with errors.Is.
// Returned errors wrap the sentinel with details.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrMalformed: the text is not a token of this package's format.
	ErrMalformed Error = "usertoken: malformed token"
	// ErrBadSignature: the token is well formed but was not signed with any
	// of the signer's secrets (forged, altered, or signed with a dropped
	// secret).
	ErrBadSignature Error = "usertoken: bad signature"
	// ErrExpired: the token is genuine but its lifetime is over.
	ErrExpired Error = "usertoken: token expired"
	// ErrIssuedInFuture: the token is genuine but its issue time lies
	// further ahead of the verifier's clock than the signer's FutureSkew
	// allows.
	ErrIssuedInFuture Error = "usertoken: token issued in the future"
	// ErrShortSecret: a secret given to NewSigner is shorter than MinSecretLength.
	ErrShortSecret Error = "usertoken: secret too short"
	// ErrVisitorID: a visitor id given to Issue is empty, too long or not
	// valid UTF-8.
	ErrVisitorID Error = "usertoken: invalid visitor id"
	// ErrTTL: a lifetime given to Issue is not positive or too long.
	ErrTTL Error = "usertoken: invalid lifetime"
	// ErrNoSecret: the Signer has no secret: it is a zero Signer or nil,
	// not one made by NewSigner.
	ErrNoSecret Error = "usertoken: signer has no secret; make it with NewSigner"
)

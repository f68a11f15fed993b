// Package usertoken issues and verifies signed, expiring visitor tokens for
// the widget's setUserToken.
//
// JivoChat passes the value a page gives setUserToken back, unchanged, in
// every webhook event, and signs nothing itself. A token from this package
// lets the webhook receiver trust the visitor id in it: it is an HMAC-SHA256
// signature under a secret only the server knows, over the visitor id and
// the token's lifetime.
//
//	signer, err := usertoken.NewSigner(secret) // 32 bytes or more, kept on the server
//	token, err := signer.Issue("customer-42", 24*time.Hour)
//	// render token into the page for jivo_api.setUserToken; later, in a webhook:
//	claims, err := signer.Verify(event.UserToken)
//	switch {
//	case errors.Is(err, usertoken.ErrExpired): // signed by us, but too old
//	case err != nil: // malformed or forged
//	default: // claims.VisitorID is the id the server issued the token for
//	}
//
// Tokens look like "v1.<payload>.<signature>", both parts base64url without
// padding, so they are safe in URLs, HTML attributes and JSON without
// escaping. The payload is not encrypted: anyone holding a token can read the
// visitor id in it, so use an id that may be seen by the visitor.
//
// Key rotation: NewSigner takes the current secret first and older ones
// after it. Issue always signs with the current secret; Verify accepts a
// token signed with any of them. Drop an old secret once every token it
// signed has expired.
//
// Clocks: times are kept to the second. Verify accepts a token until
// ClockSkew after its expiry, and one issued up to DefaultFutureSkew after
// its own clock (Signer.WithFutureSkew changes that), so that servers whose
// clocks differ a little agree; a token issued later, for instance a year
// ahead, fails with ErrIssuedInFuture.
package usertoken

package usertoken_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jivokit/jivokit/usertoken"
)

// The secret comes from the server's configuration; 32 random bytes or more.
var exampleSecret = []byte("an example secret of 32 bytes!!!")

func ExampleNewSigner() {
	signer, err := usertoken.NewSigner(exampleSecret)
	fmt.Println(signer != nil, err)
	_, err = usertoken.NewSigner([]byte("too short"))
	fmt.Println(err)
	// Output:
	// true <nil>
	// usertoken: secret too short: secret has 9 bytes, at least 32 are required
}

func ExampleNewSigner_rotation() {
	oldSecret := []byte("the secret we used until today!!")
	oldSigner, _ := usertoken.NewSigner(oldSecret)
	oldToken, _ := oldSigner.Issue("customer-42", time.Hour)

	// Sign with the new secret; keep accepting tokens of the old one.
	signer, _ := usertoken.NewSigner(exampleSecret, oldSecret)
	claims, err := signer.Verify(oldToken)
	fmt.Println(claims.VisitorID, err)
	// Output: customer-42 <nil>
}

func ExampleSigner_Issue() {
	signer, _ := usertoken.NewSigner(exampleSecret)
	token, err := signer.Issue("customer-42", 24*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Give token to jivo_api.setUserToken on the visitor's page.
	fmt.Println(token[:3])
	// Output: v1.
}

func ExampleSigner_Verify() {
	signer, _ := usertoken.NewSigner(exampleSecret)
	token, _ := signer.Issue("customer-42", time.Hour)

	claims, err := signer.Verify(token)
	fmt.Println(claims.VisitorID, err)

	_, err = signer.Verify(token[:len(token)-4] + "AAAA")
	fmt.Println(errors.Is(err, usertoken.ErrBadSignature))
	// Output:
	// customer-42 <nil>
	// true
}

func ExampleSigner_VerifyAt() {
	signer, _ := usertoken.NewSigner(exampleSecret)
	issued := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	token, _ := signer.IssueAt("customer-42", issued, time.Hour)

	claims, err := signer.VerifyAt(token, issued.Add(2*time.Hour))
	fmt.Println(errors.Is(err, usertoken.ErrExpired), claims.ExpiresAt)
	// Output: true 2025-03-01 13:00:00 +0000 UTC
}

func ExampleSigner_WithFutureSkew() {
	signer, _ := usertoken.NewSigner(exampleSecret)
	issued := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	token, _ := signer.IssueAt("customer-42", issued, time.Hour)

	// This server's clock is ten minutes behind the issuer's.
	now := issued.Add(-10 * time.Minute)
	_, err := signer.VerifyAt(token, now)
	fmt.Println(errors.Is(err, usertoken.ErrIssuedInFuture))
	_, err = signer.WithFutureSkew(15*time.Minute).VerifyAt(token, now)
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

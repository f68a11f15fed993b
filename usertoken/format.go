package usertoken

import (
	"crypto/hmac"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// A token is prefix + base64url(payload) + "." + base64url(HMAC), where the
// HMAC covers everything before the last dot and the payload is
// uvarint(issued at, Unix seconds) uvarint(lifetime, seconds) visitor id.
const prefix = "v1."

const macSize = 32

// maxIssueUnix bounds issue times (year 2514), so times never overflow.
const maxIssueUnix = 1 << 34

var b64 = base64.RawURLEncoding.Strict()

// maxPayload is the longest payload: two uvarints and the visitor id.
const maxPayload = 2*binary.MaxVarintLen64 + MaxVisitorIDLength

func (k *key) appendToken(dst []byte, visitorID string, iat, ttl uint64) []byte {
	var payload [maxPayload]byte
	p := binary.AppendUvarint(payload[:0], iat)
	p = binary.AppendUvarint(p, ttl)
	p = append(p, visitorID...)
	dst = append(dst, prefix...)
	dst = b64.AppendEncode(dst, p)
	var mac [macSize]byte
	sum := k.mac(mac[:0], dst)
	dst = append(dst, '.')
	return b64.AppendEncode(dst, sum)
}

// parsed is a token split into its parts, not yet authenticated.
type parsed struct {
	signed  string // prefix and encoded payload: what the HMAC covers
	payload []byte
	mac     [macSize]byte
}

func parse(token string) (*parsed, error) {
	if !strings.HasPrefix(token, prefix) {
		if strings.HasPrefix(token, "v") && strings.Contains(token, ".") {
			return nil, fmt.Errorf("%w: unknown version (want %q)", ErrMalformed, strings.TrimSuffix(prefix, "."))
		}
		return nil, fmt.Errorf("%w: does not start with %q", ErrMalformed, prefix)
	}
	if len(token) > len(prefix)+b64.EncodedLen(maxPayload)+1+b64.EncodedLen(macSize) {
		return nil, fmt.Errorf("%w: too long", ErrMalformed)
	}
	dot := strings.LastIndexByte(token, '.')
	if dot < len(prefix) {
		return nil, fmt.Errorf("%w: no signature part", ErrMalformed)
	}
	p := &parsed{signed: token[:dot]}
	sig := token[dot+1:]
	if b64.DecodedLen(len(sig)) != macSize {
		return nil, fmt.Errorf("%w: signature part has the wrong length", ErrMalformed)
	}
	if _, err := b64.Decode(p.mac[:], []byte(sig)); err != nil {
		return nil, fmt.Errorf("%w: signature part is not base64url", ErrMalformed)
	}
	payload, err := b64.DecodeString(token[len(prefix):dot])
	if err != nil {
		return nil, fmt.Errorf("%w: payload is not base64url", ErrMalformed)
	}
	p.payload = payload
	return p, nil
}

func (k *key) check(p *parsed) bool {
	var mac [macSize]byte
	return hmac.Equal(k.mac(mac[:0], []byte(p.signed)), p.mac[:])
}

// claims decodes an authenticated payload. A genuine token always decodes;
// the checks guard against a signer bug or a leaked secret.
func (p *parsed) claims() (Claims, error) {
	iat, n := binary.Uvarint(p.payload)
	if n <= 0 || iat > maxIssueUnix {
		return Claims{}, fmt.Errorf("%w: bad issue time", ErrMalformed)
	}
	ttl, m := binary.Uvarint(p.payload[n:])
	if m <= 0 || ttl > uint64(MaxTTL/time.Second) {
		return Claims{}, fmt.Errorf("%w: bad lifetime", ErrMalformed)
	}
	id := string(p.payload[n+m:])
	if err := checkVisitorID(id); err != nil {
		return Claims{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	issued := time.Unix(int64(iat), 0).UTC()
	return Claims{
		VisitorID: id,
		IssuedAt:  issued,
		ExpiresAt: issued.Add(time.Duration(ttl) * time.Second),
	}, nil
}

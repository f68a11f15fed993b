package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// hashLen is the number of hex digits of a content hash in a file name:
// 48 bits, plenty to tell builds of one file apart.
const hashLen = 12

// HashedName returns name with a hash of content before its extension:
// HashedName("app.wasm", b) is "app.<12 hex digits>.wasm". A name without an
// extension gets the hash at its end. Only the base name is kept.
func HashedName(name string, content []byte) string {
	sum := sha256.Sum256(content)
	h := hex.EncodeToString(sum[:])[:hashLen]
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	return stem + "." + h + ext
}

// IsHashed reports whether name (a base name or a path) has the shape
// HashedName gives: 12 lowercase hex digits as the last dot-separated part
// before the extension, or as the last part of a name without one.
func IsHashed(name string) bool { return nameHash(name) != "" }

// nameHash returns the hash IsHashed finds in name, or "".
func nameHash(name string) string {
	parts := strings.Split(path.Base(name), ".")
	for i := max(1, len(parts)-2); i < len(parts); i++ {
		if isHex(parts[i]) {
			return parts[i]
		}
	}
	return ""
}

func isHex(s string) bool {
	if len(s) != hashLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

package webhook

import (
	"embed"
	"fmt"
)

// samples are the reference's example payloads, verbatim, and payloads
// for the newer events built from the vendor's newer documentation: one
// per name in Names, and nothing else (the other fixtures are for tests).
//
//go:embed samples/*.json
var samples embed.FS

// Sample returns a realistic payload for the named event: the vendor
// reference's own example where it has one. Tools and tests start from it
// (see the webhooktest package).
func Sample(name Name) ([]byte, error) {
	name = canonical(string(name))
	if !known(name) {
		return nil, fmt.Errorf("webhook: no sample for event %q; known events: %v", name, Names())
	}
	return samples.ReadFile("samples/" + string(name) + ".json")
}

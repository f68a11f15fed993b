package samples_test

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

// TestPayloadServesTheFiles: each name's payload is its file, verbatim,
// and decodes to an event of that name; a chat event to its own type, a
// CRM event to its entity's type with an action.
func TestPayloadServesTheFiles(t *testing.T) {
	check := func(name webhook.Name, crm bool) {
		t.Helper()
		got, err := samples.Payload(name)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(string(name) + ".json")
		if string(got) != string(want) {
			t.Errorf("Payload(%s) differs from its file", name)
		}
		ev, err := webhook.Decode(got)
		if err != nil || ev.Name() != name {
			t.Fatalf("Payload(%s) decodes to %v, %v", name, ev, err)
		}
		c, isCRM := ev.(webhook.CRM)
		if _, unknown := ev.(*webhook.Unknown); isCRM != crm || unknown {
			t.Errorf("Payload(%s) decodes to %T", name, ev)
		}
		if crm && c.Header().EventName != string(name) {
			t.Errorf("Payload(%s): event_name %q", name, c.Header().EventName)
		}
	}
	for _, name := range samples.Names() {
		check(name, false)
	}
	for _, name := range samples.CRMNames() {
		check(name, true)
	}
	if _, err := samples.Payload("offline_messages"); err != nil {
		t.Errorf("Payload(offline_messages): %v", err)
	}
	if _, err := samples.Payload("chat_exploded"); err == nil || !strings.Contains(err.Error(), "chat_accepted") || !strings.Contains(err.Error(), "created_deal") {
		t.Errorf("Payload of an unknown event: %v, want an error listing the known ones", err)
	}
}

// TestCRMNamesAreTheDecoders: package webhook knows each CRM name's
// entity from the name alone (without event_type), as this package's
// lists and samples say it.
func TestCRMNamesAreTheDecoders(t *testing.T) {
	for _, name := range samples.CRMNames() {
		body, _ := samples.Payload(name)
		sample, _ := webhook.Decode(body)
		ev, err := webhook.Decode([]byte(`{"event_name":"` + string(name) + `"}`))
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%T", ev) != fmt.Sprintf("%T", sample) {
			t.Errorf("%s alone decodes to %T, its sample to %T", name, ev, sample)
		}
	}
}

// TestFilesAreOnlyTheNames keeps fixtures that Payload never returns
// (replies, variants) out of the binaries that import the package.
func TestFilesAreOnlyTheNames(t *testing.T) {
	embedded, err := fs.Glob(os.DirFS("."), "*.json")
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, name := range append(samples.Names(), samples.CRMNames()...) {
		served = append(served, string(name)+".json")
	}
	slices.Sort(embedded)
	slices.Sort(served)
	if !slices.Equal(embedded, served) {
		t.Fatalf("files %q\nPayload serves %q", embedded, served)
	}
}

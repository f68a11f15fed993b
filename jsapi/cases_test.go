package jsapi

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
)

// validationCase is one case of testdata/validation.json, the table the
// stub widget's Node tests (stub/testdata/validation.test.mjs) read too, so
// that Go and the stub agree on what is valid and on what they say.
type validationCase struct {
	Name    string          `json:"name"`
	Kind    string          `json:"kind"`
	Input   json.RawMessage `json:"input"`
	Valid   bool            `json:"valid"`
	Message string          `json:"message"`
}

// validators decode a case's input and validate it, one per kind.
var validators = map[string]func(json.RawMessage) (error, error){
	"phone":       validateString(ValidatePhone),
	"email":       validateString(ValidateEmail),
	"color":       validateString(ValidateColor),
	"link":        validateString(ValidateLink),
	"widgetColor": validateValue(WidgetColor.Validate),
	"offline":     validateValue(OfflineMessage.Validate),
	"invitation":  validateValue(Invitation.Validate),
	"open":        validateValue(OpenOptions.Validate),
	"attributes":  validateValue(ClientAttributes.Validate),
	"customData":  validateValue(ValidateCustomData),
}

func validateString(f func(string) error) func(json.RawMessage) (error, error) {
	return validateValue(f)
}

func validateValue[T any](f func(T) error) func(json.RawMessage) (error, error) {
	return func(in json.RawMessage) (error, error) {
		var v T
		if err := json.Unmarshal(in, &v); err != nil {
			return nil, err
		}
		return f(v), nil
	}
}

func readValidationCases(t *testing.T) []validationCase {
	t.Helper()
	b, err := os.ReadFile("testdata/validation.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []validationCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatalf("testdata/validation.json: %v", err)
	}
	return file.Cases
}

// TestSharedValidationCases runs testdata/validation.json against the Go
// validation: the message of a case is the *InputError's field and problem.
func TestSharedValidationCases(t *testing.T) {
	cases := readValidationCases(t)
	seen := map[string]bool{}
	kinds := map[string]int{}
	for _, tc := range cases {
		if seen[tc.Name] {
			t.Errorf("case %q: the name is used twice", tc.Name)
		}
		seen[tc.Name] = true
		validate := validators[tc.Kind]
		if validate == nil {
			t.Errorf("case %q: unknown kind %q", tc.Name, tc.Kind)
			continue
		}
		kinds[tc.Kind]++
		if tc.Valid != (tc.Message == "") {
			t.Errorf("case %q: a valid case has no message, an invalid one has one", tc.Name)
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			err, decodeErr := validate(tc.Input)
			if decodeErr != nil {
				t.Fatalf("input %s: %v", tc.Input, decodeErr)
			}
			if tc.Valid {
				if err != nil {
					t.Errorf("input %s: got %q, want no error", tc.Input, err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("input %s: got %v (%T), want an *InputError saying %q", tc.Input, err, err, tc.Message)
			}
			if got := ie.Field + " " + ie.Problem; got != tc.Message {
				t.Errorf("input %s:\ngot  %q\nwant %q", tc.Input, got, tc.Message)
			}
		})
	}
	for kind := range validators {
		if kinds[kind] == 0 {
			t.Errorf("no case of kind %q", kind)
		}
	}
}

package jsapi

import (
	"encoding/json"
	"errors"
	"fmt"
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
	Default string          `json:"default"` // kept, advice (kept with a *Warning) or refused
	Strict  string          `json:"strict"`  // kept or refused
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
	"contact":     validateValue(ContactInfo.Validate),
	"title":       validateValue(PageTitle.Validate),
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

// outcome is what a value meets in the default mode: kept, advice (kept
// with a *Warning) or refused, with the message.
func outcome(err error) (string, string) {
	var w *Warning
	var ie *InputError
	switch {
	case err == nil:
		return "kept", ""
	case errors.As(err, &w):
		return "advice", w.Field + " " + w.Problem
	case errors.As(err, &ie):
		return "refused", ie.Field + " " + ie.Problem
	}
	return "error of type " + fmt.Sprintf("%T", err), err.Error()
}

// TestSharedValidationCases runs testdata/validation.json against the Go
// validation: each case's outcome in the default mode (kept, advice or
// refused) and in strict mode (kept or refused, as Refusal decides), and
// the message, the error's field and problem.
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
		if (tc.Default == "kept") != (tc.Message == "") || (tc.Default == "kept") != (tc.Strict == "kept") ||
			tc.Strict != "kept" && tc.Strict != "refused" {
			t.Errorf("case %q: a kept case has no message and is kept in strict mode too; any other has one and is refused in strict mode", tc.Name)
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			err, decodeErr := validate(tc.Input)
			if decodeErr != nil {
				t.Fatalf("input %s: %v", tc.Input, decodeErr)
			}
			got, msg := outcome(err)
			if got != tc.Default || msg != tc.Message {
				t.Errorf("input %s, default mode:\ngot  %s %q\nwant %s %q", tc.Input, got, msg, tc.Default, tc.Message)
			}
			strict := "kept"
			if Refusal(err, true) != nil {
				strict = "refused"
			}
			if strict != tc.Strict {
				t.Errorf("input %s, strict mode: got %s, want %s", tc.Input, strict, tc.Strict)
			}
			if (Refusal(err, false) != nil) != (tc.Default == "refused") {
				t.Errorf("input %s: Refusal(err, false) = %v, want refused only when the default outcome is", tc.Input, Refusal(err, false))
			}
		})
	}
	for kind := range validators {
		if kinds[kind] == 0 {
			t.Errorf("no case of kind %q", kind)
		}
	}
}

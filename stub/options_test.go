package stub

import (
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
)

func TestOptionsAttrs(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    Options
		want map[string]string
	}{
		{"zero", Options{}, map[string]string{}},
		{"delay", Options{LoadDelay: 250 * time.Millisecond}, map[string]string{"data-load-delay": "250"}},
		{"delay rounds up", Options{LoadDelay: 1500 * time.Microsecond}, map[string]string{"data-load-delay": "2"}},
		{"a nanosecond is still a delay", Options{LoadDelay: 1}, map[string]string{"data-load-delay": "1"}},
		{"negative is clamped", Options{LoadDelay: -time.Second}, map[string]string{}},
		{"too long is clamped", Options{LoadDelay: 2 * MaxLoadDelay}, map[string]string{"data-load-delay": "3600000"}},
		{"every flag", Options{Offline: true, CallbacksDisabled: true, NeverLoad: true}, map[string]string{
			"data-offline": "true", "data-callbacks-disabled": "true", "data-never-load": "true"}},
		{"all", Options{LoadDelay: 2 * time.Second, Offline: true}, map[string]string{"data-load-delay": "2000", "data-offline": "true"}},
		{"strict, sending offline messages at once", Options{Strict: true, OfflineSend: true}, map[string]string{"data-strict": "true", "data-offline-message": "send"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.o.Attrs(); !maps.Equal(got, tc.want) {
				t.Errorf("Attrs() = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    Options
		want error
	}{
		{"zero", Options{}, nil},
		{"delay", Options{LoadDelay: time.Second, NeverLoad: true}, nil},
		{"longest", Options{LoadDelay: MaxLoadDelay}, nil},
		{"negative", Options{LoadDelay: -time.Millisecond}, ErrNegativeDelay},
		{"too long", Options{LoadDelay: MaxLoadDelay + 1}, ErrDelayTooLong},
		{"vendor options", Options{WidgetID: "AbCdEf1234", Locale: "pt_BR", Failure: FailCSPBlocked, StopWords: []string{"casino"}, BundleWait: true, Cached: true, Fast: true, InPage: true}, nil},
		{"a digits id", Options{WidgetID: "123456789012"}, nil},
		{"an id of 9 characters", Options{WidgetID: "abc123XYZ"}, ErrWidgetID},
		{"an id with a dash", Options{WidgetID: "AbCdE-1234"}, ErrWidgetID},
		{"unknown failure", Options{Failure: "blocked"}, ErrFailure},
		{"bad locale", Options{Locale: "english"}, ErrOption},
		{"empty stop word", Options{StopWords: []string{" "}}, ErrOption},
		{"stop word with a comma", Options{StopWords: []string{"a,b"}}, ErrOption},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.Validate()
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("Validate() = %v, want %v", err, tc.want)
			}
			if err != nil && err.Error() == tc.want.Error() {
				t.Errorf("%q does not say which value", err)
			}
		})
	}
}

func TestOptionsWeight(t *testing.T) {
	o := Options{ExtraBytes: TypicalExtraBytes, BusyTime: TypicalBusyTime}
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"data-extra-bytes": "409600", "data-busy-ms": "600"}
	if got := o.Attrs(); !maps.Equal(got, want) {
		t.Errorf("Attrs() = %v, want %v", got, want)
	}
	for _, bad := range []Options{{ExtraBytes: -1}, {ExtraBytes: MaxExtraBytes + 1}, {BusyTime: -time.Millisecond}, {BusyTime: 2 * MaxLoadDelay}} {
		if err := bad.Validate(); !errors.Is(err, ErrWeight) {
			t.Errorf("%+v: Validate() = %v, want ErrWeight", bad, err)
		}
	}
}

func TestOptionsVendorAttrs(t *testing.T) {
	o := Options{WidgetID: "1234", Locale: "ru", Failure: FailDeleted, BundleWait: true, Cached: true, Fast: true, InPage: true, StopWords: []string{"casino", "poker"}}
	want := map[string]string{"data-jv-id": "1234", "data-locale": "ru", "data-failure": "deleted", "data-bundle-wait": "true",
		"data-cached": "true", "data-fast": "true", "data-in-page": "true", "data-stop-words": "casino,poker"}
	if got := o.Attrs(); !maps.Equal(got, want) {
		t.Errorf("Attrs() = %v, want %v", got, want)
	}
}

func TestValidWidgetID(t *testing.T) {
	for id, want := range map[string]bool{
		"AbCdEf1234": true, "0123456789": true, "1": true, "123456789012345": true, StubWidgetIDForTest: true,
		"": false, "abc123XYZ": false, "AbCdEf12345": false, "AbCdEf123_": false, "AbCdEf123\u00e9": false, "12 34": false,
	} {
		if got := jsapi.ValidWidgetID(id); got != want {
			t.Errorf("jsapi.ValidWidgetID(%q) = %v, want %v", id, got, want)
		}
	}
	err := Options{WidgetID: "abc123XYZ"}.Validate()
	if err == nil || !strings.Contains(err.Error(), jsapi.WidgetIDRule) || !strings.Contains(err.Error(), "abc123XYZ") {
		t.Errorf("Validate() = %v: want the id and the rule", err)
	}
}

// StubWidgetIDForTest is the default id, which must follow the rule.
const StubWidgetIDForTest = DefaultWidgetID

func TestFailures(t *testing.T) {
	for _, f := range Failures() {
		if err := f.Validate(); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if !strings.Contains(Script, `"`+string(f)+`"`) {
			t.Errorf("the script does not know the failure %q", f)
		}
	}
	err := Failure("csp").Validate()
	if !errors.Is(err, ErrFailure) || !strings.Contains(err.Error(), "csp-blocked") || !strings.Contains(err.Error(), `"csp"`) {
		t.Errorf("Validate() = %v: want ErrFailure naming the value and the failures", err)
	}
}

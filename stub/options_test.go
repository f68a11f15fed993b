package stub

import (
	"errors"
	"maps"
	"testing"
	"time"
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.Validate()
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("Validate() = %v, want %v", err, tc.want)
			}
			if err != nil && err.Error() == tc.want.Error() {
				t.Errorf("%q does not say which delay", err)
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

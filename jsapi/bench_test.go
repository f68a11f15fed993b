package jsapi

import "testing"

// BenchmarkValidateCustomData checks ten fields with links, the heaviest
// check a bridge call makes.
func BenchmarkValidateCustomData(b *testing.B) {
	fields := make([]CustomField, MaxCustomFields)
	for i := range fields {
		fields[i] = CustomField{Title: "Order", Content: "#1234 paid", Key: "Orders", Link: "https://shop.example.com:8443/orders/1234?tab=items"}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateCustomData(fields); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateContact checks an e-mail address and a phone number.
func BenchmarkValidateContact(b *testing.B) {
	c := ContactInfo{Name: "Ann", Email: "ann.smith@mail.example.co.uk", Phone: "+7 (495) 123-45.67"}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSafeHostsAllows checks a link against an allow-list, as the
// webhook handler does for every link of a reply.
func BenchmarkSafeHostsAllows(b *testing.B) {
	hosts, err := NewSafeHosts("example.org", "example.com")
	if err != nil {
		b.Fatal(err)
	}
	const link = "https://shop.example.com:8443/orders/1234?tab=items"
	b.ReportAllocs()
	for b.Loop() {
		if err := hosts.Allows(link); err != nil {
			b.Fatal(err)
		}
	}
}

package retry

import (
	"net/http"
	"testing"
	"time"
)

// FuzzRetryAfter reads arbitrary Retry-After values: never a negative
// wait, never more than MaxWait.
func FuzzRetryAfter(f *testing.F) {
	for _, v := range []string{"", "0", "120", "-1", "99999999999999999999", "9300000000", "1e3", " 5",
		time.Now().Add(time.Minute).UTC().Format(http.TimeFormat), "Mon, 02 Jan 2006 15:04:05 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if d := After(v); d < 0 || d > MaxWait {
			t.Errorf("After(%q) = %v", v, d)
		}
	})
}

// Hand-read values: seconds, capped, and the bad ones as none.
func TestAfter(t *testing.T) {
	for v, want := range map[string]time.Duration{"": 0, "7": 7 * time.Second, "-3": 0, "x": 0, "99999999": MaxWait, "9300000000": MaxWait} {
		if got := After(v); got != want {
			t.Errorf("After(%q) = %v, want %v", v, got, want)
		}
	}
}

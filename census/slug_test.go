package census

import "testing"

func TestSlugAndEntryID(t *testing.T) {
	for in, want := range map[string]string{
		"Kanana Flag 32.5B": "kanana-flag-32-5b",
		"A.X K1":            "a-x-k1",
		"  --Mi:dm 2.0-- ":  "mi-dm-2-0",
		"한국어":               "entry",
		"":                  "entry",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EntryID(EntryCorrect, "A.X K1", "tokens"); got != "correct-a-x-k1-tokens" {
		t.Errorf("correct: %q", got)
	}
	if got := EntryID(EntryAdd, "Kanana", "tokens"); got != "add-kanana" {
		t.Errorf("add: %q", got)
	}
}

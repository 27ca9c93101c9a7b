package census

import "strings"

// Slug is a name as part of an overlay entry's id: lower case, ASCII
// letters and digits, '-' between words; "entry" when nothing is left.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "entry"
	}
	return out
}

// EntryID is the id an entry of kind on model gets when its author gives
// none: the kind and the model's Slug, and for a correction the short
// name of its field too (CorrectableFields' key), since a model has one
// correction per field: "add-kanana", "correct-a-x-k1-compute".
func EntryID(kind EntryKind, model, field string) string {
	id := string(kind) + "-" + Slug(model)
	if kind == EntryCorrect {
		id += "-" + field
	}
	return id
}

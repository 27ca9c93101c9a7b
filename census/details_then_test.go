package census

import "testing"

// Then adds every row to the details and hands the same row on: of three
// rows, the two with an estimation method or a fine-tune figure are kept
// (the third has neither), and next sees all three, in order.
func TestComputeDetailsThen(t *testing.T) {
	det := NewComputeDetails(false)
	var seen []int
	hook := det.Then(func(r *Raw) { seen = append(seen, r.Line) })
	rows := []struct {
		method, ft string
	}{{"Operation counting", ""}, {"", ""}, {"", "1e22"}}
	for i, c := range rows {
		r := &Raw{File: "f.csv", Line: i + 2}
		r.Set(FieldCompute, "1e24")
		r.Set(FieldEstimationMethod, c.method)
		r.Set(FieldFinetuneCompute, c.ft)
		hook(r)
	}
	if len(seen) != 3 || seen[0] != 2 || seen[2] != 4 {
		t.Errorf("next saw lines %v; want [2 3 4]", seen)
	}
	if len(det.rows) != 2 || det.rows[detailKey{"f.csv", 2}] == nil || det.rows[detailKey{"f.csv", 4}] == nil {
		t.Errorf("details kept %d rows; want lines 2 and 4", len(det.rows))
	}
	if NewComputeDetails(false).Then(nil) == nil {
		t.Error("Then(nil) gave no hook")
	}
	NewComputeDetails(false).Then(nil)(&Raw{})
}

package census

import "testing"

func rawOf(cells map[Field]string) Raw {
	var r Raw
	for f, v := range cells {
		r.Set(f, v)
	}
	return r
}

// Four rows: one of 2e24 FLOP, the same model again, one flagged
// possibly over 1e23 without compute, one under the threshold, and a
// fine-tune whose own compute is too small. By hand: two members, in file
// order, the second by its flag.
func TestLargeScaleMembers(t *testing.T) {
	raws := []Raw{
		rawOf(map[Field]string{FieldName: "Big", FieldCompute: "2e24"}),
		rawOf(map[Field]string{FieldName: "Big", FieldCompute: "2e24"}),
		rawOf(map[Field]string{FieldName: "Maybe", FieldPossiblyLarge: "checked"}),
		rawOf(map[Field]string{FieldName: "Small", FieldCompute: "5e22"}),
		rawOf(map[Field]string{FieldName: "Tuned", FieldCompute: "3e24", FieldBaseModel: "Big", FieldFinetuneCompute: "1e21"}),
	}
	got := LargeScaleMembers(raws)
	if len(got) != 2 || got[0].Model != "Big" || got[0].FLOP != 2e24 || got[0].Possibly || got[1].Model != "Maybe" || !got[1].Possibly {
		t.Errorf("members %+v", got)
	}
	if LargeScaleMembers(nil) == nil {
		t.Error("no rows: nil, want an empty list")
	}
}

// The pipeline estimates every row it is given, the last partial batch
// included: as many rows as Add alone would.
func TestPipelineSeesEveryRow(t *testing.T) {
	r := &Rules{}
	n := pipelineBatch*2 + 3
	e := NewRowEstimator(r)
	onRow, done := e.Pipeline()
	for i := 0; i < n; i++ {
		raw := rawOf(map[Field]string{FieldName: "m", FieldParameters: "1e9", FieldDatasetSize: "1e12"})
		onRow(&raw)
	}
	done()
	if got := len(e.Finish().Rows); got != n {
		t.Errorf("%d rows estimated, want %d", got, n)
	}
}

// A SourceEstimator estimates every row given, or with largeScale keeps
// the rows for the list: the fixture of TestLargeScaleMembers has two
// members by hand.
func TestSourceEstimator(t *testing.T) {
	rows := []Raw{
		rawOf(map[Field]string{FieldName: "Big", FieldCompute: "2e24"}),
		rawOf(map[Field]string{FieldName: "Maybe", FieldPossiblyLarge: "checked"}),
		rawOf(map[Field]string{FieldName: "Small", FieldCompute: "5e22"}),
	}
	est := NewSourceEstimator(&Rules{}, false)
	list := NewSourceEstimator(&Rules{}, true)
	for i := range rows {
		est.OnRow(&rows[i])
		list.OnRow(&rows[i])
	}
	est.Stop()
	list.Stop()
	if got := len(est.Estimates().Rows); got != len(rows) {
		t.Errorf("%d rows estimated, want %d", got, len(rows))
	}
	if got := list.Members(); len(got) != 2 || got[0].Model != "Big" || got[1].Model != "Maybe" {
		t.Errorf("members %+v", got)
	}
}

// RowInputGiven names the first input given but the domain, in
// EstimateParams' order.
func TestRowInputGiven(t *testing.T) {
	given := func(names ...string) func(string) bool {
		return func(n string) bool {
			for _, x := range names {
				if x == n {
					return true
				}
			}
			return false
		}
	}
	if got := RowInputGiven(given("domain")); got != "" {
		t.Errorf("domain only: %q, want none", got)
	}
	if got := RowInputGiven(given("domain", "hours", "tokens")); got != "tokens" {
		t.Errorf("hours and tokens: %q, want tokens", got)
	}
}

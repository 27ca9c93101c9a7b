package census

import "sync"

// pipelineBatch is how many rows Pipeline hands the estimator at a time.
const pipelineBatch = 256

// Pipeline runs Add on a goroutine of its own, so that rows are estimated
// while the reader parses the next ones. It returns the function to give
// each row to (it copies the row, which a reader reuses) and the one to
// call once the last row is in, which returns when Add has seen every
// row; Finish is called after it.
func (e *RowEstimator) Pipeline() (onRow func(*Raw), done func()) {
	ch := make(chan []Raw, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for batch := range ch {
			for i := range batch {
				e.Add(&batch[i])
			}
		}
	}()
	batch := make([]Raw, 0, pipelineBatch)
	onRow = func(r *Raw) {
		batch = append(batch, *r)
		if len(batch) == pipelineBatch {
			ch <- batch
			batch = make([]Raw, 0, pipelineBatch)
		}
	}
	done = func() {
		if len(batch) > 0 {
			ch <- batch
		}
		close(ch)
		wg.Wait()
	}
	return onRow, done
}

// LargeScaleMember is one model that Epoch's large-scale rule (LargeScale)
// takes in: its training compute (FLOP, 0 when unknown), its base model
// and that model's fine-tune compute (FLOP).
type LargeScaleMember struct {
	Model    string  `json:"model"`
	FLOP     float64 `json:"flop,omitempty"`
	Base     string  `json:"base_model,omitempty"`
	Finetune float64 `json:"finetune_flop,omitempty"`
	// Possibly is a member by the "Possibly over 1e23 FLOP" flag: its
	// compute is unknown.
	Possibly bool `json:"possibly_over_1e23"`
}

// LargeScaleMembers lists the rows that are large-scale by LargeScale, in
// file order, each model once (its first row); never nil.
func LargeScaleMembers(raws []Raw) []LargeScaleMember {
	list := []LargeScaleMember{}
	seen := map[string]bool{}
	for i := range raws {
		raw := &raws[i]
		name := Clean(raw.Get(FieldName))
		if name == "" || seen[name] || !LargeScale(raw) {
			continue
		}
		seen[name] = true
		m := LargeScaleMember{Model: name, Base: Clean(raw.Get(FieldBaseModel))}
		m.FLOP, _ = ParseNumber(raw.Get(FieldCompute))
		m.Finetune, _ = ParseNumber(raw.Get(FieldFinetuneCompute))
		m.Possibly = m.FLOP == 0
		list = append(list, m)
	}
	return list
}

// SourceEstimator gathers a source's rows for an estimate of every row:
// each row's estimate from its own columns (RowEstimator, on its
// Pipeline), or, for a list of the large-scale rows, the rows themselves
// (LargeScaleMembers).
type SourceEstimator struct {
	// LargeScale lists the large-scale rows instead of estimating.
	LargeScale bool
	est        *RowEstimator
	raws       []Raw
	onRow      func(*Raw)
	done       func()
}

// NewSourceEstimator is a SourceEstimator with rules r, listing the
// large-scale rows when largeScale is set.
func NewSourceEstimator(r *Rules, largeScale bool) *SourceEstimator {
	s := &SourceEstimator{LargeScale: largeScale, est: NewRowEstimator(r)}
	if largeScale {
		s.onRow = func(raw *Raw) { s.raws = append(s.raws, *raw) }
	} else {
		s.onRow, s.done = s.est.Pipeline()
	}
	return s
}

// OnRow is the function to give each row to.
func (s *SourceEstimator) OnRow(raw *Raw) { s.onRow(raw) }

// Stop is called once the last row is in (or reading failed); it returns
// when every row given has been seen.
func (s *SourceEstimator) Stop() {
	if s.done != nil {
		s.done()
	}
}

// Estimates are the rows' estimates, after Stop.
func (s *SourceEstimator) Estimates() RowEstimates { return s.est.Finish() }

// Members are the large-scale rows (LargeScaleMembers), after Stop.
func (s *SourceEstimator) Members() []LargeScaleMember { return LargeScaleMembers(s.raws) }

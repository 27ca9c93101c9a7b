package discover_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/store/sqlite"
)

// listed is a source that shows the same models every time, or fails.
type listed struct {
	name  string
	found []discover.Found
	err   error
}

func (s listed) Name() string { return s.name }
func (s listed) Find(context.Context, []string) ([]discover.Found, error) {
	return s.found, s.err
}

// Two rounds over a snapshot that lists Known-LM and an overlay that adds
// Curated-LM: of the four models the sources show, one is new (the known,
// curated and derivative ones are not), the failed source is counted and
// warned of, and the second round queues nothing new.
func TestRound(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var warned []string
	r := &discover.Round{
		Sources: []discover.Source{
			listed{name: "hf", found: []discover.Found{
				{Source: "hf", Name: "Known-LM"},
				{Source: "hf", Name: "Curated-LM"},
				{Source: "hf", Name: "New-LM"},
				{Source: "hf", Name: "New-LM-GGUF", Derivative: "base_model:quantized:x/New-LM"},
			}},
			listed{name: "arena", err: errors.New("down")},
		},
		Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) },
		Read: func(_ context.Context, onRow func(*census.Raw)) error {
			raw := census.Raw{}
			raw.Set(census.FieldName, "Known-LM")
			onRow(&raw)
			return nil
		},
		Overlay: func() (*census.Overlay, error) {
			return &census.Overlay{Entries: []census.Entry{{Kind: census.EntryAdd, Model: "Curated-LM"}}}, nil
		},
		Warn: func(source string, err error) { warned = append(warned, source) },
	}
	for round, wantAdded := range []int{1, 0} {
		res, err := r.Run(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Candidates) != 1 || res.Candidates[0].Name != "New-LM" || res.Added != wantAdded || res.Aside != 1 || res.Failed != 1 {
			t.Errorf("round %d: %+v, want New-LM alone, %d added, 1 aside, 1 failed", round+1, res, wantAdded)
		}
	}
	if len(warned) != 2 || warned[0] != "arena" {
		t.Errorf("warned of %v, want arena in each round", warned)
	}
	// The reader's error ends the round as it is.
	boom := errors.New("boom")
	r.Read = func(context.Context, func(*census.Raw)) error { return boom }
	if _, err := r.Run(ctx, st); err != boom {
		t.Errorf("error %v, want the reader's", err)
	}
}

package arena_test

import (
	"context"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arena"
	"github.com/modelcensus/modelcensus/internal/fuzzhttp"
)

// FuzzArenaAnswer gives the LMArena source an arbitrary page (the same
// for every offset): it never panics, reads at most MaxRows rows' pages,
// and finds each model once.
func FuzzArenaAnswer(f *testing.F) {
	f.Add([]byte(`{"rows":[{"row":{"model_name":"exaone-5.0","organization":"LG AI Research","rating":1301.5,"vote_count":4212,"leaderboard_publish_date":"2026-09-10"}}],"num_rows_total":1}`))
	f.Add([]byte(`{"rows":[{"row":{"model_name":" a "}},{"row":{"model_name":"a"}},{"row":{}}],"num_rows_total":-5}`))
	f.Add([]byte(`{"rows":null,"num_rows_total":1000000}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		tr := &fuzzhttp.Transport{Default: fuzzhttp.Answer{Body: body}}
		src := &arena.Source{Endpoint: "http://arena.test", MaxRows: 300, Client: &discover.Client{HTTP: tr.Client(), Retries: 1, Backoff: time.Millisecond}}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		found, _ := src.Find(ctx, nil)
		seen := map[string]bool{}
		for _, fd := range found {
			if fd.Name == "" || seen[fd.Name] {
				t.Errorf("empty or repeated model %q", fd.Name)
			}
			seen[fd.Name] = true
		}
	})
}

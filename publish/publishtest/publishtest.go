package publishtest

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
)

// Document reads a CSV into a census and its document, as `report` does,
// with the snapshot date 2025-03-01.
func Document(t testing.TB, path string, opt census.Options) *publish.Document {
	t.Helper()
	return document(t, path, opt, false)
}

func document(t testing.TB, path string, opt census.Options, estimate bool) *publish.Document {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	raw := &publish.RawCollector{}
	ds, err := epoch.Load(context.Background(), path, r, epoch.LoadOptions{
		OnRow: raw.Add, Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), EstimateMissing: estimate})
	if err != nil {
		t.Fatal(err)
	}
	res, err := census.Compute(ds, opt)
	if err != nil {
		t.Fatal(err)
	}
	return publish.NewDocument(res, ds, raw)
}

// ViaJSON returns the census as a reader of the JSON would see it.
func ViaJSON(t testing.TB, r *census.Result) *census.Result {
	t.Helper()
	var b bytes.Buffer
	if err := publish.WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var out census.Result
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// EstimatedDocument is Document with missing training compute estimated
// (report --estimate-missing).
func EstimatedDocument(t testing.TB, path string, opt census.Options) *publish.Document {
	t.Helper()
	return document(t, path, opt, true)
}

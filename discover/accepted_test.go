package discover_test

import (
	"testing"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/store"
)

// A queued candidate's data, as written by hand, becomes an add entry with
// its name, the reviewer's author and reason, and today's date; data that
// is not JSON is an error.
func TestAcceptedEntry(t *testing.T) {
	qc := &store.QueuedCandidate{ID: "kanana", Data: []byte(`{"id":"kanana","name":"Kanana","organization":"Kakao","first_seen":"2025-02-27"}`)}
	e, err := discover.AcceptedEntry(qc, "me@example.org", "absent from Epoch", "2026-01-02")
	if err != nil {
		t.Fatal(err)
	}
	if e.Model != "Kanana" || e.Author != "me@example.org" || e.Reason != "absent from Epoch" {
		t.Errorf("entry %+v: want Kanana by me@example.org, absent from Epoch", e)
	}
	if _, err := discover.AcceptedEntry(&store.QueuedCandidate{Data: []byte("{")}, "", "", "2026-01-02"); err == nil {
		t.Error("bad data: no error")
	}
}

package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A pull that moves a figure POSTs the change to the webhook (after a
// failed first attempt, retried) and runs the command; one that moves
// nothing notifies nobody.
func TestPullNotifies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "store.db")
	f1 := folder(t, "2025-03-01", "")
	// The second download adds one 2024 model from the United States.
	f2 := folder(t, "2025-06-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n")
	f3 := folder(t, "2025-07-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"+
		"\n") // different bytes, the same census
	var calls atomic.Int32
	var events []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		b, _ := io.ReadAll(r.Body)
		var ev map[string]any
		if err := json.Unmarshal(b, &ev); err != nil {
			t.Errorf("webhook body: %v: %s", err, b)
		}
		events = append(events, ev)
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "exec.json")
	args := func(src string) []string {
		return []string{"pull", "--db", db, "--source", src, "--on-change-webhook", srv.URL, "--on-change-exec", "cat > " + out}
	}
	if code, _, errOut := run(t, nil, args(f1)...); code != 0 || calls.Load() != 0 {
		t.Fatalf("first pull: exit %d, %d calls: %s", code, calls.Load(), errOut)
	}
	code, _, errOut := run(t, nil, args(f2)...)
	if code != 0 || calls.Load() != 2 || len(events) != 1 {
		t.Fatalf("second pull: exit %d, %d calls, %d events: %s", code, calls.Load(), len(events), errOut)
	}
	ev := events[0]
	if ev["event"] != "census_changed" || ev["from"].(map[string]any)["id"] != 1.0 || ev["to"].(map[string]any)["id"] != 2.0 {
		t.Errorf("event head: %v %v %v", ev["event"], ev["from"], ev["to"])
	}
	// By hand: the one added model moves the 2024 count by +1, because of
	// New Model.
	found := false
	for _, x := range ev["explain"].([]any) {
		e := x.(map[string]any)
		if e["figure"] == "per_year" && e["key"] == "2024" {
			causes := e["causes"].([]any)
			found = e["delta"] == 1.0 && len(causes) == 1 && causes[0].(map[string]any)["model"] == "New Model"
		}
	}
	if !found {
		t.Errorf("the 2024 count's change is not explained: %v", ev["explain"])
	}
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), `"event":"census_changed"`) {
		t.Errorf("the command read %q (%v)", b, err)
	}
	if !strings.Contains(errOut, "Notified "+srv.URL) {
		t.Errorf("no word of the notification: %s", errOut)
	}
	os.Remove(out)
	if code, _, errOut := run(t, nil, args(f3)...); code != 0 || calls.Load() != 2 {
		t.Errorf("a pull that moves nothing: exit %d, %d calls: %s", code, calls.Load(), errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the command ran for a pull that moved nothing")
	}
	// A model of the snapshot's own year is outside the default period
	// (which ends with the last full year): it moves a figure only when
	// --to takes that year in.
	this := "Newer Model,Language,OpenAI,2025-07-01,3e24,Likely,API access,United States of America,,\n"
	f4 := folder(t, "2025-08-01", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"+this)
	if code, _, _ := run(t, nil, args(f4)...); code != 0 || calls.Load() != 2 {
		t.Errorf("a model of this year, default period: %d calls, want none new", calls.Load())
	}
	f5 := folder(t, "2025-08-02", "New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"+this+
		"Newest Model,Language,OpenAI,2025-07-02,3e24,Likely,API access,United States of America,,\n")
	if code, _, errOut := run(t, nil, append(args(f5), "--to", "2025")...); code != 0 || calls.Load() != 3 {
		t.Errorf("a model of this year with --to 2025: exit %d, %d calls, want one more: %s", code, calls.Load(), errOut)
	}
	if code, _, _ := run(t, nil, "pull", "--db", db, "--source", f1, "--on-change-webhook", "ftp://x"); code != ExitUsage {
		t.Errorf("a webhook that is not http: exit %d", code)
	}
}

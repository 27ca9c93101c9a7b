package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with two downloads of the large-scale file: report and pull
// read the newer alone (by its "Last modified" values), and say which
// was left out; copies that nothing tells apart are refused by both.
func TestFolderCopiesReportAndPull(t *testing.T) {
	const header = "Model,Organization,Country (of organization),Publication date,Last modified\n"
	older := header +
		"A,OpenAI,United States of America,2024-01-01,2025-01-05 10:00:00+00:00\n" +
		"Removed later,OpenAI,United States of America,2024-03-01,2025-01-07 10:00:00+00:00\n"
	newer := header +
		"A,OpenAI,United States of America,2024-01-01,2025-01-05 10:00:00+00:00\n" +
		"B,Alibaba,China,2024-02-01,2025-06-01 09:00:00+00:00\n" +
		"C,Alibaba,China,2024-04-01,2025-05-01 10:00:00+00:00\n"
	dir := t.TempDir()
	for name, data := range map[string]string{"large_scale_ai_models.csv": older, "large_scale_ai_models (1).csv": newer} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantRows := strings.Count(newer, "\n") - 1 // the newer file's rows, its header left out

	code, out, errOut := run(t, nil, "report", "--source", dir, "--from", "2024", "--to", "2024", "--format", "json")
	if code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	var c struct {
		Total int `json:"total"`
		Notes []struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Total != wantRows {
		t.Errorf("total %d, want %d (the newer copy alone)", c.Total, wantRows)
	}
	found := false
	for _, n := range c.Notes {
		if n.Code == "copy_ignored" && strings.Contains(n.Message, "large_scale_ai_models.csv was not read") &&
			strings.Contains(n.Message, "large_scale_ai_models (1).csv") {
			found = true
		}
	}
	if !found {
		t.Errorf("no note of the copy left out: %+v", c.Notes)
	}
	_, out, _ = run(t, nil, "report", "--source", dir, "--from", "2024", "--to", "2024", "--lang", "ko")
	if !strings.Contains(out, "사본") {
		t.Errorf("Korean report names no copy:\n%s", out)
	}

	db := filepath.Join(t.TempDir(), "s.db")
	code, _, errOut = run(t, nil, "pull", "--db", db, "--source", dir)
	if code != ExitOK {
		t.Fatalf("pull: exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "large_scale_ai_models.csv was not read") {
		t.Errorf("pull says nothing of the copy left out: %s", errOut)
	}
	var snaps []struct {
		Files []struct{ Name string } `json:"files"`
		Rows  int                     `json:"rows"`
	}
	_, out, _ = run(t, nil, "snapshots", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(out), &snaps); err != nil || len(snaps) != 1 || len(snaps[0].Files) != 1 || snaps[0].Rows != wantRows {
		t.Errorf("snapshots %s (%v), want one file of %d rows", out, err, wantRows)
	}

	// The same newest value in both: refused, naming both, by both.
	if err := os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), []byte(strings.Replace(newer, "C,Alibaba", "D,Alibaba", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"report", "--source", dir}, {"pull", "--db", db, "--source", dir}} {
		code, _, errOut = run(t, nil, args...)
		if code != ExitInput || !strings.Contains(errOut, "large_scale_ai_models.csv") || !strings.Contains(errOut, "large_scale_ai_models (1).csv") {
			t.Errorf("%s: exit %d: %s", args[0], code, errOut)
		}
	}
}

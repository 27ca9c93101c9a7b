package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// archive writes two dated downloads of the fixture: the second revises
// one compute and adds a model.
func archive(t *testing.T) string {
	t.Helper()
	fx, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	second := strings.Replace(string(fx), "2024-05-01,1.07e+24", "2024-05-01,2.14e+24", 1) +
		"New Model,Language,OpenAI,2024-07-07,3e24,Likely,API access,United States of America,,\n"
	for date, content := range map[string]string{"2025-03-01": string(fx), "2025-06-01": second} {
		os.MkdirAll(filepath.Join(dir, date), 0o755)
		if err := os.WriteFile(filepath.Join(dir, date, "large_scale_ai_models.csv"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// diff takes two sources as well as two stored snapshots, without --db,
// and gives the same JSON but for how A and B are named.
func TestDiffOfSourcesEqualsStoredDiff(t *testing.T) {
	dir := archive(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--db", db, "--source", dir); code != 0 {
		t.Fatalf("pull: %d %s", code, errOut)
	}
	code, stored, errOut := run(t, nil, "diff", "1", "2", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stored diff: %d %s", code, errOut)
	}
	a, b := filepath.Join(dir, "2025-03-01"), filepath.Join(dir, "2025-06-01", "large_scale_ai_models.csv")
	env := map[string]string{"MODELCENSUS_DB": filepath.Join(t.TempDir(), "none.db")}
	code, direct, errOut := run(t, env, "diff", a, b, "--format", "json")
	if code != 0 {
		t.Fatalf("diff of sources: %d %s", code, errOut)
	}
	var ds, dd map[string]any
	json.Unmarshal([]byte(stored), &ds)
	json.Unmarshal([]byte(direct), &dd)
	for _, k := range []string{"a", "b"} {
		s, d := ds[k].(map[string]any), dd[k].(map[string]any)
		if s["date"] != d["date"] || d["id"] != 0.0 || s["source"] != nil {
			t.Errorf("%s: stored %v, direct %v", k, s, d)
		}
		delete(ds, k)
		delete(dd, k)
	}
	if dd["source"] != nil || dd["a"] != nil {
		t.Error("leftover keys")
	}
	if !reflect.DeepEqual(ds, dd) {
		t.Errorf("diffs differ:\nstored %s\ndirect %s", stored, direct)
	}
	// A hand check of what changed: one model added, one compute revised.
	changed := dd["changed"].([]any)
	if len(dd["added"].([]any)) != 1 || len(changed) != 1 || changed[0].(map[string]any)["model"] != "GPT-X" {
		t.Errorf("added %v changed %v", dd["added"], changed)
	}
	if _, err := os.Stat(env["MODELCENSUS_DB"]); err == nil {
		t.Error("diff of sources created a store")
	}
	// Text names the sources.
	if code, out, _ := run(t, env, "diff", a, b); code != 0 || !strings.Contains(out, a) {
		t.Errorf("text: %d\n%s", code, out)
	}
}

// history --source reads an archive folder in place and gives the points
// the store gives after importing it.
func TestHistoryOfArchiveEqualsStored(t *testing.T) {
	dir := archive(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, nil, "pull", "--db", db, "--source", dir); code != 0 {
		t.Fatalf("pull: %d %s", code, errOut)
	}
	type point struct {
		Date   string
		Counts []struct{ Year, Count int }
	}
	var stored, direct struct{ Points []point }
	code, out, errOut := run(t, nil, "history", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stored: %d %s", code, errOut)
	}
	json.Unmarshal([]byte(out), &stored)
	code, out, errOut = run(t, nil, "history", "--source", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("archive: %d %s", code, errOut)
	}
	json.Unmarshal([]byte(out), &direct)
	if len(direct.Points) != 2 || !reflect.DeepEqual(stored, direct) {
		t.Errorf("stored %+v\narchive %+v", stored, direct)
	}
	// 2024 by hand: the fixture counts 4 models in 2024, the second
	// download one more.
	for i, want := range []int{4, 5} {
		for _, c := range direct.Points[i].Counts {
			if c.Year == 2024 && c.Count != want {
				t.Errorf("point %d: 2024 = %d, want %d", i, c.Count, want)
			}
		}
	}
	if code, _, errOut := run(t, nil, "history", "--source", fixture); code != ExitUsage || !strings.Contains(errOut, "archive") {
		t.Errorf("a file is no archive: %d %s", code, errOut)
	}
}

// A diff compares normalized values: a list is a set (its change says
// what joined and what left it), a date is a date, and compute equal to
// 12 significant digits is no change.
func TestDiffComparesNormalizedValues(t *testing.T) {
	head := "Model,Publication date,Country (of organization),Training compute (FLOP),Organization\n"
	a := head + "X,2024-05-01,\"China,United States of America\",4.7999999999999996e+24,OpenAI\nY,2024-05-01,France,1e24,Mistral AI\n"
	b := head + "X,2024-05-01,\"United States of America,Korea (Republic of)\",4.8e+24,OpenAI\nY,2024/05/01,France,1e24,Mistral AI\n"
	var dirs []string
	for i, content := range []string{a, b} {
		dir := filepath.Join(t.TempDir(), []string{"2025-03-01", "2025-06-01"}[i])
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "large_scale_ai_models.csv"), []byte(content), 0o644)
		dirs = append(dirs, dir)
	}
	code, out, errOut := run(t, nil, "diff", dirs[0], dirs[1], "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		Changed []struct {
			Model, Field   string
			Added, Removed []string
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Changed) != 1 || d.Changed[0].Model != "X" || d.Changed[0].Field != "country" ||
		strings.Join(d.Changed[0].Added, "|") != "Korea (Republic of)" || strings.Join(d.Changed[0].Removed, "|") != "China" {
		t.Errorf("changes %+v; want X's country alone, +Korea −China", d.Changed)
	}
	code, out, _ = run(t, nil, "diff", dirs[0], dirs[1])
	if code != 0 || !strings.Contains(out, "+Korea (Republic of); −China") {
		t.Errorf("text lacks the set change:\n%s", out)
	}
}

package bench

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkOverlay times `report --format json` on the largest shared
// all-models file without an overlay and with one of 300 entries (100 of
// each kind: adds of new models, corrections and exclusions of the file's
// own models), the whole process and in-process: issue #13 wants the whole
// overlay to add under 10 ms. "cached" runs keep the parsed entries in a
// cache folder between runs, as every run after an overlay's first does;
// "cold" runs parse all 300 files each time.
func BenchmarkOverlay(b *testing.B) {
	f := largestShared(b)
	dir := writeOverlay(b, f, 100)
	cache := b.TempDir()
	args := []string{"report", "--source", f, "--subset", "all", "--format", "json", "-o", os.DevNull, "--cache-dir", cache}
	b.Run("process/none", func(b *testing.B) { runProcess(b, bin.report, append(args, "--overlay", "none")...) })
	b.Run("process/300-cached", func(b *testing.B) { runProcess(b, bin.report, append(args, "--overlay", dir)...) })
	b.Run("in-process/none", func(b *testing.B) { runCLI(b, append(args, "--overlay", "none")...) })
	b.Run("in-process/300-cached", func(b *testing.B) { runCLI(b, append(args, "--overlay", dir)...) })
	cold := append(args[:len(args)-2:len(args)-2], "--overlay", dir)
	b.Run("in-process/300-cold", func(b *testing.B) { runCLI(b, cold...) })
}

// writeOverlay writes n entries of each kind for the models of an export
// into a new folder.
func writeOverlay(b *testing.B, export string, n int) string {
	b.Helper()
	fh, err := os.Open(export)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	name := 0
	for i, h := range rows[0] {
		if h == "Model" || h == "System" {
			name = i
		}
	}
	dir := b.TempDir()
	tail := "reason = \"benchmark\"\nauthor = \"bench\"\ncreated = \"2026-11-29\"\n\n[[sources]]\nurl = \"https://example.org\"\nretrieved = \"2026-11-29\"\n"
	write := func(id, body string) {
		if err := os.WriteFile(filepath.Join(dir, id+".toml"), []byte("id = \""+id+"\"\n"+body+tail), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	quote := func(s string) string { return fmt.Sprintf("%q", strings.TrimSpace(s)) }
	for i := 0; i < n; i++ {
		write(fmt.Sprintf("add-%d", i), fmt.Sprintf("kind = \"add\"\nmodel = \"Bench Model %d\"\ncountry = \"Korea (Republic of)\"\ndate = \"2025-01-01\"\nparameters = 1e10\ntokens = 2e12\n", i))
		write(fmt.Sprintf("fix-%d", i), "kind = \"correct\"\nmodel = "+quote(rows[1+i][name])+"\nfield = \"compute\"\nupstream = \"\"\nvalue = \"1e23\"\n")
		write(fmt.Sprintf("drop-%d", i), "kind = \"exclude\"\nmodel = "+quote(rows[1+n+i][name])+"\n")
	}
	return dir
}

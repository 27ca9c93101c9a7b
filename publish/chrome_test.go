package publish_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/publish"
)

// fakeChrome writes a stand-in for Chromium that dies of SIGSEGV on its
// first `crashes` runs and then "prints" a PDF.
func fakeChrome(t *testing.T, crashes int) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in is a shell script")
	}
	dir := t.TempDir()
	script := `#!/bin/sh
f="` + filepath.Join(dir, "count") + `"
n=$(cat "$f" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$f"
if [ $n -le ` + string(rune('0'+crashes)) + ` ]; then kill -SEGV $$; fi
for a in "$@"; do case $a in --print-to-pdf=*) echo "%PDF-1.4" > "${a#--print-to-pdf=}";; esac; done
`
	p := filepath.Join(dir, "chromium")
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// A Chromium that crashes once is tried again; one that crashes every time
// gives an error naming it.
func TestPrintPDFRetriesACrash(t *testing.T) {
	page := filepath.Join(t.TempDir(), "r.html")
	if err := os.WriteFile(page, []byte("<p>x"), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "r.pdf")
	if err := publish.PrintPDF(context.Background(), fakeChrome(t, 1), page, pdf); err != nil {
		t.Fatalf("after one crash: %v", err)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("no PDF: %v", err)
	}
	os.Remove(pdf)
	chrome := fakeChrome(t, 2)
	err := publish.PrintPDF(context.Background(), chrome, page, pdf)
	if err == nil || !strings.Contains(err.Error(), chrome) {
		t.Errorf("crashing twice: %v", err)
	}
}

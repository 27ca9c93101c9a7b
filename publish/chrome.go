package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// ChromeNames are the programs FindChrome looks for, in order, after the
// MODELCENSUS_CHROME environment variable.
var ChromeNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// FindChrome returns the path of a Chromium or Chrome, or "". A
// MODELCENSUS_CHROME that names no program that can be run (a path, or a
// name looked up on the PATH) gives "", not a browser found elsewhere:
// the user chose that one (ChromeEnvProblem says what is wrong with it).
func FindChrome() string {
	if p := os.Getenv("MODELCENSUS_CHROME"); p != "" {
		if exe, err := exec.LookPath(p); err == nil {
			return exe
		}
		return ""
	}
	for _, n := range ChromeNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// ChromeEnvProblem returns MODELCENSUS_CHROME when it is set and names
// no program that can be run, else "".
func ChromeEnvProblem() string {
	if p := os.Getenv("MODELCENSUS_CHROME"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return p
		}
	}
	return ""
}

// ChromeFlags start a headless browser that makes no request of its own:
// no background networking, updates, sync or first-run pages.
var ChromeFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
}

// PrintPDF prints an HTML file to PDF with a headless Chromium or Chrome
// (A4, as the report's print styles ask).
func PrintPDF(ctx context.Context, chrome, htmlPath, pdfPath string) error {
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	// Headless Chromium now and then dies of a signal on a loaded machine;
	// a second try, with a fresh profile, prints the page.
	for try := 1; ; try++ {
		err := printOnce(ctx, chrome, abs, pdfPath)
		var ee *exec.ExitError
		if err == nil || try == 2 || ctx.Err() != nil || !errors.As(err, &ee) || !crashed(ee) {
			return err
		}
	}
}

// crashed reports whether the process was killed by a signal.
func crashed(ee *exec.ExitError) bool {
	ws, ok := ee.Sys().(interface{ Signaled() bool })
	return ok && ws.Signaled()
}

func printOnce(ctx context.Context, chrome, abs, pdfPath string) error {
	profile, err := os.MkdirTemp("", "modelcensus-chrome")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	args := append(append([]string{}, ChromeFlags...),
		"--user-data-dir="+profile, "--no-pdf-header-footer", "--virtual-time-budget=5000",
		"--print-to-pdf="+pdfPath, "file://"+abs)
	out, err := exec.CommandContext(ctx, chrome, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", chrome, err, lastLine(out))
	}
	if st, err := os.Stat(pdfPath); err != nil || st.Size() == 0 {
		return fmt.Errorf("%s wrote no PDF: %s", chrome, lastLine(out))
	}
	return nil
}

func lastLine(b []byte) string {
	s := string(b)
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return s[i+1:]
		}
	}
	return s
}

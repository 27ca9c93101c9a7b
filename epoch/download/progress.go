package download

import (
	"github.com/modelcensus/modelcensus/epoch"

	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progressInterval is the minimum time between two redraws of the bar.
const progressInterval = 100 * time.Millisecond

// progress draws a one-line download progress indicator, redrawn in place
// with a carriage return. A nil *progress is valid and draws nothing.
type progress struct {
	w      io.Writer
	name   string
	total  int64 // -1 when unknown
	done   int64
	now    func() time.Time
	last   time.Time
	drawn  bool
	prevLn int // length of the previously drawn line, to blank leftovers
}

// newProgress returns a progress bar drawing to w for a body of total bytes
// (negative when unknown) named name. It returns nil, meaning no output, when
// w is nil or, unless force is set, when w is not a terminal.
func newProgress(w io.Writer, total int64, name string, force bool) *progress {
	if w == nil {
		return nil
	}
	if !force && !isTerminal(w) {
		return nil
	}
	if total < 0 {
		total = -1
	}
	return &progress{w: w, name: name, total: total, now: time.Now}
}

// isTerminal reports whether w is an *os.File attached to a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// Write counts len(b) bytes as done and redraws the bar at most once per
// progressInterval. It never fails.
func (p *progress) Write(b []byte) (int, error) {
	if p == nil {
		return len(b), nil
	}
	p.done += int64(len(b))
	if t := p.now(); !p.drawn || t.Sub(p.last) >= progressInterval {
		p.last = t
		p.draw()
	}
	return len(b), nil
}

// finish ends the bar: when ok it draws the final state, and if anything was
// drawn it terminates the line with a newline.
func (p *progress) finish(ok bool) {
	if p == nil {
		return
	}
	if ok {
		p.draw()
	}
	if p.drawn {
		_, _ = io.WriteString(p.w, "\n")
	}
}

// draw writes the current state over the previous line.
func (p *progress) draw() {
	line := p.line()
	pad := ""
	if n := p.prevLn - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	p.prevLn = len(line)
	p.drawn = true
	_, _ = io.WriteString(p.w, "\r"+line+pad)
}

// line renders the bar text, e.g. "ai_models.zip  3.1 MB / 12.4 MB  25%".
func (p *progress) line() string {
	if p.total < 0 {
		return fmt.Sprintf("%s  %s", p.name, epoch.FormatBytes(p.done))
	}
	pct := int64(100)
	if p.total > 0 {
		pct = min(p.done*100/p.total, 100)
	}
	return fmt.Sprintf("%s  %s / %s  %d%%", p.name, epoch.FormatBytes(p.done), epoch.FormatBytes(p.total), pct)
}

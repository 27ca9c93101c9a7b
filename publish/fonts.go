package publish

import (
	"context"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
	"unicode"
)

// CJKPackage is the Debian package whose fonts draw Korean.
const CJKPackage = "fonts-noto-cjk"

// cjkFallbacks are font files tried when fontconfig is not installed.
var cjkFallbacks = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
}

// CJKFont returns the file of an installed font that draws Korean, as
// fontconfig lists it (`fc-list :lang=ko`, which honours FONTCONFIG_FILE,
// as Chromium does), or from a few known paths where fontconfig is
// missing; ok is false when there is none.
func CJKFont() (path string, ok bool) {
	if fc, err := exec.LookPath("fc-list"); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, fc, ":lang=ko", "file").Output()
		if err != nil {
			return "", false
		}
		var files []string
		for _, line := range strings.Split(string(out), "\n") {
			if p := strings.TrimSuffix(strings.TrimSpace(line), ":"); p != "" {
				files = append(files, p)
			}
		}
		sort.Strings(files)
		for _, p := range files {
			if strings.Contains(p, "Regular") {
				return p, true
			}
		}
		if len(files) > 0 {
			return files[0], true
		}
		return "", false
	}
	for _, p := range cjkFallbacks {
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	return "", false
}

// HasCJK reports whether s holds Hangul or Han characters, which need a
// CJK font.
func HasCJK(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.In(r, unicode.Hangul, unicode.Han) })
}

// NoCJKFontError is the error of a PDF or PNG whose Korean (or Chinese)
// text no installed font can draw: it would print as empty boxes.
type NoCJKFontError struct{}

// Error names the package to install.
func (NoCJKFontError) Error() string {
	return "the document holds Korean text and no installed font draws it (it would print as empty boxes): install " + CJKPackage + " (apt-get install " + CJKPackage + ")"
}

package epoch

import (
	"bytes"
	"crypto/sha256"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
)

// copySuffix is how a second copy of a file is named: by a browser
// ("large_scale_ai_models (1).csv", Firefox without the space), Windows
// Explorer ("… - Copy.csv", "… - Copy (2).csv", "… - 복사본.csv", "… -
// Kopie.csv"), macOS ("… copy.csv", "… copy 2.csv", "… 2.csv", "… 복사본.csv").
var copySuffix = regexp.MustCompile(`(?i)^(.+?)(?:\s?\(\d{1,3}\)|\s-\s(?:copy|copie|kopie|copia|복사본)(?:\s\(\d{1,3}\))?|\s(?:copy|복사본)(?:\s\d{1,3})?|\s\d{1,2})$`)

// CopyOf strips the marks of a copy from a file name:
// "large_scale_ai_models (1).csv" and "large_scale_ai_models - Copy.csv"
// are "large_scale_ai_models.csv". ok is false when the name has none.
func CopyOf(name string) (original string, ok bool) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for {
		m := copySuffix.FindStringSubmatch(stem)
		if m == nil {
			break
		}
		stem, ok = strings.TrimSpace(m[1]), true
	}
	return stem + ext, ok
}

// exportKey names the export a file of a folder is a copy of: its
// dataset (DatasetFamily) once the marks of a copy are stripped from its
// name. Two files of a folder with one key are two downloads of one
// export.
func exportKey(name string) string {
	base, _ := CopyOf(filepath.Base(name))
	return DatasetFamily(base)
}

// copyRules are the columns that choosing between copies needs: the
// required ones and "Last modified", as Epoch names them in every export.
func copyRules() *census.Rules {
	r := census.NewRules()
	for _, c := range []struct {
		f census.Field
		h string
	}{
		{census.FieldName, "Model"}, {census.FieldName, "System"},
		{census.FieldDate, "Publication date"}, {census.FieldLastModified, "Last modified"},
	} {
		_ = r.AddColumn(c.f, c.h)
	}
	return r
}

// copyFacts is what tells the copies of one export apart.
type copyFacts struct {
	file File
	last time.Time // the newest "Last modified" value, or zero
	sum  [32]byte
}

// resolveCopies keeps, of the files of a folder that are copies of one
// export (exportKey), the newest by the data's own evidence: its newest
// "Last modified" value, later than every other copy's. Copies with the
// same bytes keep the one with the shortest name. Copies that nothing
// tells apart are an InputCopies error naming them; copies are never
// merged. It returns the files kept, in their order, and the copies left
// out and why.
func resolveCopies(files []File) ([]File, []census.IgnoredCopy, error) {
	groups := map[string][]int{}
	for i, f := range files {
		k := exportKey(f.Name)
		groups[k] = append(groups[k], i)
	}
	drop := map[int]bool{}
	var ignored []census.IgnoredCopy
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		facts := make([]copyFacts, len(idx))
		for j, i := range idx {
			fc, err := factsOf(files[i])
			if err != nil {
				return nil, nil, err
			}
			facts[j] = fc
		}
		keep, basis, err := newestCopy(facts)
		if err != nil {
			return nil, nil, err
		}
		for j, i := range idx {
			if j == keep {
				continue
			}
			drop[i] = true
			ignored = append(ignored, census.IgnoredCopy{
				File: files[i].Name, Kept: files[idx[keep]].Name, Basis: basis,
				LastModified: stamp(facts[j].last), KeptLastModified: stamp(facts[keep].last),
			})
		}
	}
	if len(drop) == 0 {
		return files, nil, nil
	}
	out := make([]File, 0, len(files)-len(drop))
	for i, f := range files {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out, ignored, nil
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04:05")
}

// factsOf reads one copy: its bytes' hash and its newest "Last modified"
// value (zero when it has none, or cannot be read as an export).
func factsOf(f File) (copyFacts, error) {
	fc := copyFacts{file: f}
	rc, err := f.Open()
	if err != nil {
		return fc, &InputError{Kind: InputRead, Path: f.Name, Err: err}
	}
	h := sha256.New()
	_, err = io.Copy(h, rc)
	rc.Close()
	if err != nil {
		return fc, &InputError{Kind: InputRead, Path: f.Name, Err: err}
	}
	copy(fc.sum[:], h.Sum(nil))
	rules := copyRules()
	res, err := (&Reader{Rules: rules}).Read(f.Name, f.Open, census.NewDataset(rules), func(*census.Raw) {})
	if err == nil {
		fc.last = res.LastModified
	}
	return fc, nil
}

// newestCopy picks the copy to keep: the one whose newest "Last modified"
// value is later than every other's ("last_modified"), or, when all have
// the same bytes, the one with the shortest name ("identical"). Otherwise
// it is an InputCopies error naming the copies.
func newestCopy(facts []copyFacts) (int, string, error) {
	same := true
	for _, f := range facts[1:] {
		if !bytes.Equal(f.sum[:], facts[0].sum[:]) {
			same = false
		}
	}
	if same {
		keep := 0
		for j, f := range facts {
			if len(f.file.Name) < len(facts[keep].file.Name) || len(f.file.Name) == len(facts[keep].file.Name) && f.file.Name < facts[keep].file.Name {
				keep = j
			}
		}
		return keep, census.CopyIdentical, nil
	}
	keep, tie := 0, false
	for j, f := range facts[1:] {
		switch {
		case f.last.After(facts[keep].last):
			keep, tie = j+1, false
		case f.last.Equal(facts[keep].last):
			tie = true
		}
	}
	if tie || facts[keep].last.IsZero() {
		names := make([]string, len(facts))
		for j, f := range facts {
			names[j] = f.file.Name
		}
		return 0, "", &InputError{Kind: InputCopies, Path: filepath.Dir(facts[0].file.Name), Available: names}
	}
	return keep, census.CopyLastModified, nil
}

// copiesOf are the copies left out of the files read.
func copiesOf(copies []census.IgnoredCopy, files []File) []census.IgnoredCopy {
	var out []census.IgnoredCopy
	for _, c := range copies {
		for _, f := range files {
			if f.Name == c.Kept {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

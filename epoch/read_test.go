package epoch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/korean"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/rules"
)

func defaultRules(t testing.TB) *census.Rules {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fixtureBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/census_fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func load(t testing.TB, path string, opt epoch.LoadOptions) (*census.Dataset, error) {
	t.Helper()
	return epoch.Load(context.Background(), path, defaultRules(t), opt)
}

func modelNames(ds *census.Dataset) []string {
	var out []string
	for _, m := range ds.Models() {
		out = append(out, m.Name)
	}
	return out
}

// Every encoding and header version of the same rows reads the same models.
func TestReadVariants(t *testing.T) {
	base := fixtureBytes(t)
	oldHeader := bytes.Replace(base, []byte("Model,"), []byte("System,"), 1)
	oldHeader = bytes.Replace(oldHeader, []byte("Country (of organization)"), []byte("Country (from Organization)"), 1)
	cp949, err := korean.EUCKR.NewEncoder().Bytes(base)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n"))
	want := []string{"GPT-X", "Gemini Z", "Qwen Q", "하이퍼클로바 X", "Blank Country", "Old Model", "Multi Lab", "Unknown Org Model"}
	dir := t.TempDir()
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"utf8.csv", epoch.EncodingUTF8, base},
		{"bom.csv", epoch.EncodingUTF8BOM, append([]byte("\xef\xbb\xbf"), base...)},
		{"old-header.csv", epoch.EncodingUTF8, oldHeader},
		{"old-header-bom.csv", epoch.EncodingUTF8BOM, append([]byte("\xef\xbb\xbf"), oldHeader...)},
		{"cp949.csv", epoch.EncodingCP949, cp949},
		{"crlf.csv", epoch.EncodingUTF8, crlf},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := load(t, write(t, dir, tc.name, tc.data), epoch.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := modelNames(ds); !reflect.DeepEqual(got, want) {
				t.Errorf("models = %q, want %q", got, want)
			}
			f := ds.Snapshot.Files[0]
			if f.Encoding != tc.enc || f.Rows != 12 || f.Columns != 10 {
				t.Errorf("file info = %+v; want encoding %s, 12 rows, 10 columns", f, tc.enc)
			}
			if ds.Snapshot.Subset != epoch.SubsetFile {
				t.Errorf("a single CSV is taken whole, got subset %q", ds.Snapshot.Subset)
			}
			m := ds.Model(1)
			if m.Name != "Gemini Z" || !reflect.DeepEqual(m.Countries, []string{"GB", "US"}) || !m.Multimodal() || m.Compute != 5e25 {
				t.Errorf("Gemini Z = %+v", m)
			}
			if q := ds.Model(2); !reflect.DeepEqual(q.Countries, []string{"CN"}) || !reflect.DeepEqual(q.Organizations(), []string{"Alibaba"}) {
				t.Errorf("repeated values are one: %+v", q)
			}
		})
	}
}

func TestReadHeaderVersionsDiffer(t *testing.T) {
	a := epoch.HeaderVersion([]string{"Model", "Country (of organization)", "Publication date"})
	b := epoch.HeaderVersion([]string{"System", "Country (from Organization)", "Publication date"})
	if a == b || !strings.HasPrefix(a, "Model/Country (of organization)/3 cols/") || !strings.HasPrefix(b, "System/") {
		t.Errorf("header versions %q and %q", a, b)
	}
}

func TestReadMalformedRows(t *testing.T) {
	data := "Model,Publication date,Organization\n" +
		"Good One,2023-01-01,OpenAI\n" +
		"Bad \"quote,2023-02-02,OpenAI\n" + // bare quote in an unquoted field
		"Short Row,2023-03-03\n" + // too few fields
		"Good Two,2023-04-04,OpenAI\n" +
		"Long Row,2023-05-05,OpenAI,extra\n" + // a non-empty extra field
		"Trailing Blank,2023-06-06,OpenAI,,\n" + // empty extra fields are fine
		"\n" +
		"Good Three,2024-01-01,Meta AI\n"
	p := write(t, t.TempDir(), "malformed.csv", []byte(data))
	ds, err := load(t, p, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := modelNames(ds), []string{"Good One", "Good Two", "Trailing Blank", "Good Three"}; !reflect.DeepEqual(got, want) {
		t.Errorf("models = %q, want %q", got, want)
	}
	var lines []int
	for _, p := range ds.Problems {
		lines = append(lines, p.Line)
		if p.File != filepath.Join(filepath.Dir(p.File), "malformed.csv") {
			t.Errorf("problem names file %q", p.File)
		}
	}
	if want := []int{3, 4, 6}; !reflect.DeepEqual(lines, want) {
		t.Errorf("problem lines = %v, want %v (%+v)", lines, want, ds.Problems)
	}
	if ds.Problems[0].Column == 0 || !strings.Contains(ds.Problems[0].Message, "column") {
		t.Errorf("a parse error names its column: %+v", ds.Problems[0])
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	w, _ := zw.Create("large_scale_ai_models.csv")
	w.Write(fixtureBytes(t))
	zw.Close()
	whole := zipBuf.Bytes()
	for _, tc := range []struct {
		name string
		data []byte
		kind epoch.InputErrorKind
		says string
	}{
		{"empty.csv", nil, epoch.InputEmpty, "empty"},
		{"blank.csv", []byte("\xef\xbb\xbf \n\n"), epoch.InputEmpty, "empty"},
		{"binary.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), epoch.InputNotCSV, "not a CSV"},
		{"page.csv", []byte("<!DOCTYPE html>\n<html><body>Rate limited</body></html>"), epoch.InputHTML, "HTML"},
		{"page2.csv", []byte("\n  <html><head><title>404</title></head></html>"), epoch.InputHTML, "HTML"},
		{"truncated.zip", whole[:len(whole)/2], epoch.InputBadZip, "zip"},
		{"nocolumn.csv", []byte("Name,Year\nGPT-4,2023\n"), epoch.InputMissingColumn, `expected "Model" or "System" / "Publication date"`},
		{"nodate.csv", []byte("Model,Organization\nGPT-4,OpenAI\n"), epoch.InputMissingColumn, `"Publication date"`},
		{"text.csv", []byte("just some words\nand more words\n"), epoch.InputMissingColumn, "just some words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name, tc.data)
			_, err := load(t, p, epoch.LoadOptions{})
			var ie *epoch.InputError
			if !errors.As(err, &ie) || ie.Kind != tc.kind {
				t.Fatalf("error = %v (%T), want kind %d", err, err, tc.kind)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.name) || strings.Contains(msg, "\n") {
				t.Errorf("message %q should name the file on one line", msg)
			}
			if tc.kind == epoch.InputMissingColumn {
				msg = strings.ReplaceAll(msg, `" or "`, `" / "`)
				if !strings.Contains(msg, "found") {
					t.Errorf("message %q should list the columns found", msg)
				}
			}
		})
	}
	_, err := load(t, filepath.Join(dir, "missing.csv"), epoch.LoadOptions{})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputNotFound {
		t.Errorf("missing file: %v", err)
	}
}

func TestZipAndFolderSubsets(t *testing.T) {
	dir := t.TempDir()
	fx := fixtureBytes(t)
	notable := []byte("Model,Publication date\nOnly Notable,2023-01-01\n")
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	for name, data := range map[string][]byte{"large_scale_ai_models.csv": fx, "notable_ai_models.csv": notable, "README.md": []byte("# not data")} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2025, 11, 1, 7, 3, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	zp := write(t, dir, "ai_models.zip", zipBuf.Bytes())
	ds, err := load(t, zp, epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Snapshot.Subset != epoch.SubsetLargeScale || ds.Len() != 8 || ds.Snapshot.Kind != epoch.KindZip {
		t.Errorf("zip default: subset %s, %d models", ds.Snapshot.Subset, ds.Len())
	}
	if got := ds.Snapshot.Date.Format("2006-01-02"); got != "2025-11-01" || ds.Snapshot.DateBasis != census.DateFromZip {
		t.Errorf("zip date = %s (%s), want the member time 2025-11-01", got, ds.Snapshot.DateBasis)
	}
	ds, err = load(t, zp, epoch.LoadOptions{Subset: epoch.SubsetNotable})
	if err != nil || ds.Len() != 1 || ds.Model(0).Name != "Only Notable" {
		t.Fatalf("zip notable: %v %v", err, ds)
	}
	_, err = load(t, zp, epoch.LoadOptions{Subset: epoch.SubsetFrontier})
	var ie *epoch.InputError
	if !errors.As(err, &ie) || ie.Kind != epoch.InputNoSubset || !strings.Contains(err.Error(), "notable") {
		t.Errorf("missing subset: %v", err)
	}

	folder := filepath.Join(dir, "2025-02-01")
	write(t, folder, "epoch_large_scale_ai_models.csv", fx)
	write(t, folder, "epoch_notable_ai_models.csv", notable)
	ds, err = load(t, folder, epoch.LoadOptions{})
	if err != nil || ds.Snapshot.Subset != epoch.SubsetLargeScale || ds.Len() != 8 {
		t.Fatalf("folder: %v", err)
	}
	if got := ds.Snapshot.Date.Format("2006-01-02"); got != "2025-02-01" || ds.Snapshot.DateBasis != census.DateFromPath {
		t.Errorf("folder date = %s (%s)", got, ds.Snapshot.DateBasis)
	}
	ds, err = load(t, folder, epoch.LoadOptions{Date: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)})
	if err != nil || ds.Snapshot.Date.Format("2006-01-02") != "2024-06-01" || ds.Snapshot.DateBasis != census.DateFromOption {
		t.Errorf("--date wins: %v %v", err, ds.Snapshot)
	}
	empty := filepath.Join(dir, "empty-folder")
	os.Mkdir(empty, 0o755)
	if _, err := load(t, empty, epoch.LoadOptions{}); !errors.As(err, &ie) || ie.Kind != epoch.InputNoCSV {
		t.Errorf("empty folder: %v", err)
	}
}

func TestSubsetOf(t *testing.T) {
	for name, want := range map[string]string{
		"large_scale_ai_models.csv":               epoch.SubsetLargeScale,
		"epoch_large_scale_ai_models_raw.csv":     epoch.SubsetLargeScale,
		"compute_intensive_systems.csv":           epoch.SubsetLargeScale,
		"notable_ai_models_24_02_2025.csv":        epoch.SubsetNotable,
		"Epoch Database - Notable Models.csv":     epoch.SubsetNotable,
		"notable_systems.csv":                     epoch.SubsetNotable,
		"frontier_ai_models.csv":                  epoch.SubsetFrontier,
		"all_ai_models.csv":                       epoch.SubsetAll,
		"all_systems.csv":                         epoch.SubsetAll,
		"ai_models.zip!large_scale_ai_models.csv": epoch.SubsetLargeScale,
		"mine.csv": "",
	} {
		if got := epoch.SubsetOf(name); got != want {
			t.Errorf("SubsetOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// plainCount counts models per publication year with nothing but
// encoding/csv and a loop: trimmed names, each name once (its first row),
// rows without a name or a date left out.
func plainCount(t *testing.T, path string) map[int]int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	nameCol, dateCol := -1, -1
	for i, h := range recs[0] {
		if (h == "Model" || h == "System") && nameCol < 0 {
			nameCol = i
		}
		if h == "Publication date" {
			dateCol = i
		}
	}
	counts := map[int]int{}
	seen := map[string]bool{}
	for _, rec := range recs[1:] {
		name := strings.Join(strings.Fields(rec[nameCol]), " ")
		date := strings.TrimSpace(rec[dateCol])
		if name == "" || date == "" || seen[name] {
			continue
		}
		year, err := strconv.Atoi(date[:4])
		if err != nil {
			continue
		}
		seen[name] = true
		counts[year]++
	}
	return counts
}

// plainLastModified is the day of the newest "Last modified" value of a
// file, or "".
func plainLastModified(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "Last modified")
	newest := ""
	for _, r := range recs[1:] {
		if col >= 0 && len(r[col]) >= 10 && r[col][:10] > newest {
			newest = r[col][:10]
		}
	}
	return newest
}

// Every real export in ../shared/epoch-snapshots reads without error, and
// its models per year equal the plain count.
func TestSharedSnapshotsPerYear(t *testing.T) {
	r := defaultRules(t)
	for _, path := range shared.CSVFiles(t) {
		rel, _ := filepath.Rel(shared.Dir(), path)
		t.Run(rel, func(t *testing.T) {
			ds, err := epoch.Load(context.Background(), path, r, epoch.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Problems) > 0 {
				t.Errorf("problems reading a real export: %+v", ds.Problems[:min(3, len(ds.Problems))])
			}
			got := map[int]int{}
			for _, m := range ds.Models() {
				got[m.Date.Year]++
			}
			want := plainCount(t, path)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("models per year = %v, want %v", got, want)
			}
			// The evidence in order: the newest "Last modified" value,
			// else the folder's date (no shared file name holds another).
			wantDate := filepath.Base(filepath.Dir(path))
			if lm := plainLastModified(t, path); lm != "" {
				wantDate = lm
			}
			if ds.Snapshot.Date.Format("2006-01-02") != wantDate {
				t.Errorf("snapshot date = %v (%s), want %s", ds.Snapshot.Date, ds.Snapshot.DateBasis, wantDate)
			}
			if len(ds.Unmapped[census.KindCountry]) > 0 {
				t.Errorf("unmapped countries: %v", ds.Unmapped[census.KindCountry])
			}
			if len(ds.Unmapped[census.KindDomain]) > 0 || len(ds.Unmapped[census.KindAccessibility]) > 0 {
				t.Errorf("unmapped domains %v, accessibility %v", ds.Unmapped[census.KindDomain], ds.Unmapped[census.KindAccessibility])
			}
		})
	}
}

// A CP949 file whose first 64 KiB are plain ASCII is only found out later
// in the stream; the reader switches to CP949 there, and a UTF-8 file whose
// Korean text straddles every read boundary stays whole.
func TestReadLateEncoding(t *testing.T) {
	var b strings.Builder
	b.WriteString("Model,Publication date,Organization\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("Plain Model " + strconv.Itoa(i) + ",2023-01-01,OpenAI\n")
	}
	b.WriteString("한국어 모델,2024-02-02,NAVER\n")
	if b.Len() < 70000 {
		t.Fatalf("fixture too short: %d bytes", b.Len())
	}
	cp, err := korean.EUCKR.NewEncoder().String(b.String())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ds, err := load(t, write(t, dir, "late.csv", []byte(cp)), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := ds.Len(); n != 3001 || ds.Model(3000).Name != "한국어 모델" || ds.Snapshot.Files[0].Encoding != epoch.EncodingCP949 {
		t.Errorf("%d models, last %q, encoding %s", n, ds.Model(n-1).Name, ds.Snapshot.Files[0].Encoding)
	}

	var u strings.Builder
	u.WriteString("Model,Publication date\n")
	var want []string
	for i := 0; len(want) < 9000; i++ {
		name := "모델 " + strconv.Itoa(i) + " 한국어 이름"
		want = append(want, name)
		u.WriteString(name + ",2024-01-01\n")
	}
	ds, err = load(t, write(t, dir, "utf8.csv", []byte(u.String())), epoch.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := modelNames(ds); !reflect.DeepEqual(got, want) || ds.Snapshot.Files[0].Encoding != epoch.EncodingUTF8 {
		t.Errorf("UTF-8 across chunks: %d names, encoding %s", len(got), ds.Snapshot.Files[0].Encoding)
	}
	if ds.Snapshot.Files[0].Size != int64(u.Len()) {
		t.Errorf("size %d, want %d", ds.Snapshot.Files[0].Size, u.Len())
	}
}

// One download has one date whichever subset is read: the all-models file
// of a zip carries "Last modified" values, its large-scale file none, and
// both subsets are dated by the newest of them (the large-scale subset took
// the zip member's time).
func TestZipOneDateForEverySubset(t *testing.T) {
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	for name, data := range map[string]string{
		"large_scale_ai_models.csv": "Model,Publication date\nBig,2024-05-01\n",
		"all_ai_models.csv":         "Model,Publication date,Last modified\nBig,2024-05-01,2025-10-02 08:00:00\nSmall,2024-06-01,2025-10-09 17:30:00\n",
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2025, 11, 1, 7, 3, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	zw.Close()
	zp := write(t, t.TempDir(), "ai_models.zip", zipBuf.Bytes())
	for _, subset := range []string{epoch.SubsetLargeScale, epoch.SubsetAll} {
		ds, err := load(t, zp, epoch.LoadOptions{Subset: subset})
		if err != nil {
			t.Fatal(err)
		}
		if got := ds.Snapshot.Date.Format("2006-01-02"); got != "2025-10-09" || ds.Snapshot.DateBasis != census.DateFromLastModified {
			t.Errorf("%s: dated %s (%s), want 2025-10-09 from the newest Last modified", subset, got, ds.Snapshot.DateBasis)
		}
	}
}

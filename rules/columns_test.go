package rules_test

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/internal/shared"
)

// unreadColumns are the columns of Epoch's exports that the census reads on
// purpose from no field of columns.csv, each with why. Any other column of
// a shared export must be mapped.
var unreadColumns = map[string]string{
	// Prose and bibliography: the census counts models, not these.
	"Authors": "prose", "Abstract": "prose", "Citations": "bibliography", "Archived links": "bibliography",
	"Documents": "bibliography", "Created By": "Airtable bookkeeping", "Created": "Airtable bookkeeping",
	"Exclude": "Epoch's internal review flag", "Notability criteria": "why Epoch lists a model, not counted",
	"Notability criteria notes": "prose", "Training compute notes": "prose", "Training dataset notes": "prose",
	"Dataset size notes": "prose", "Inference compute notes": "prose", "Training time notes": "prose",
	"Finetune compute notes": "prose", "Compute cost notes": "prose", "Batch size notes": "prose",
	"Accessibility notes": "prose", "Utilization notes": "prose", "Post-training compute notes": "prose",
	"Distillation or synthetic data compute notes": "prose",
	"Training dataset":                       "dataset names, not counted",
	"Approach":                               "a label of the learning approach, not counted",
	"Benchmark data":                         "benchmarks are not part of the census",
	"benchmarks/models":                      "benchmarks are not part of the census",
	"Model versions":                         "benchmarks are not part of the census",
	"Model versions (benchmarks)":            "benchmarks are not part of the census",
	"WikiText and Penn Treebank data":        "benchmarks are not part of the census",
	"Compute sponsor categorization":         "superseded by the organization's own categorization",
	"Foundation model":                       "a yes/no flag the census does not use",
	"Frontier model":                         "a yes/no flag the census does not use",
	"Open model weights?":                    "a yes/no digest of Model accessibility, which is read",
	"Dataset accessibility":                  "accessibility of the data, not of the model",
	"Code accessibility":                     "accessibility of the code, not of the model",
	"Training code accessibility":            "accessibility of the code, not of the model",
	"Inference code accessibility":           "accessibility of the code, not of the model",
	"Numerical format":                       "the run's precision; the estimate takes Epoch's peak whatever the precision",
	"Assumed precision":                      "the run's precision; the estimate takes Epoch's peak whatever the precision",
	"Training cloud compute vendor":          "not published by the census",
	"Training data center":                   "not published by the census",
	"Training compute cost (2020 USD)":       "costs are not published by the census",
	"Training compute cost (2023 USD)":       "costs are not published by the census",
	"Training compute cost (cloud)":          "costs are not published by the census",
	"Training compute cost (upfront)":        "costs are not published by the census",
	"Training cost trends":                   "costs are not published by the census",
	"Hardware acquisition cost":              "costs are not published by the census",
	"FLOP/$":                                 "costs are not published by the census",
	"API prices":                             "prices are not published by the census",
	"Training power draw (W)":                "power is not published by the census",
	"Power per GPU":                          "power is not published by the census",
	"Inference compute (FLOP)":               "inference, not training compute",
	"Batch size":                             "not an input of the census or of the estimate",
	"Sparsity":                               "not an input of the census or of the estimate",
	"Knowledge cutoff":                       "not an input of the census or of the estimate",
	"Context window":                         "not an input of the census or of the estimate",
	"Distillation or synthetic data":         "not an input of the census or of the estimate",
	"Distillation or synthetic data compute": "not an input of the census or of the estimate",
	"Training compute lower bound":           "the census counts Epoch's central figure",
	"Training compute upper bound":           "the census counts Epoch's central figure",
	"Estimated over 1e25 FLOP":               "a flag of a higher threshold; the large-scale flag (1e23) is read",
	"Maybe over 1e25 FLOP":                   "a flag of a higher threshold; the large-scale flag (1e23) is read",
	"Base model compute":                     "worked out by the estimate from the base model's own row",
	"Total compute - (base + finetune)":      "a check column of Epoch's; the estimate adds base and fine-tune itself",
	"Post-training compute (FLOP)":           "already inside the training compute, unlike a fine-tune of another model's base",
	"Hardware release date":                  "hardware facts come from the hardware table",
	"Hardware age":                           "hardware facts come from the hardware table",
	"Hardware maker":                         "hardware facts come from the hardware table",
	"Hardware FP32":                          "hardware facts come from the hardware table",
	"Hardware TF32":                          "hardware facts come from the hardware table",
	"Hardware TF16":                          "hardware facts come from the hardware table",
	"Hardware FP16":                          "hardware facts come from the hardware table",
	"Assumed hardware performance (FLOP/s)":  "hardware facts come from the hardware table",
	"Hardware count":                         "counts linked hardware records (0, 1, 2), not chips: Hardware quantity is read",
	"Hardware utilization (HFU)":             "hardware FLOP utilization counts recomputation too; the estimate needs model FLOP utilization (MFU), which is read",
	"Updated dataset size":                   "a yes/no flag, not a size",
	"Training dataset size":                  "in the frontier file this bare column holds the model's name, not a size",
}

// documentedColumns are the columns Epoch's exports carry, as SOURCES.md
// of the shared archive lists them under "Headers" (H1, H2, …): the
// union of every header of every shared file, Epoch's own column names.
func documentedColumns(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SOURCES.md"))
	if err != nil {
		t.Skipf("no SOURCES.md in %s: %v", dir, err)
	}
	defer f.Close()
	line := regexp.MustCompile(`^- \*\*H\d+\*\* \(\d+ cols\): (.*)$`)
	name := regexp.MustCompile("`([^`]+)`")
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		for _, n := range name.FindAllStringSubmatch(m[1], -1) {
			if !seen[n[1]] {
				seen[n[1]] = true
				out = append(out, n[1])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("SOURCES.md lists no headers")
	}
	return out
}

// checkColumn fails when a documented column is neither mapped nor listed
// as deliberately unread, or both.
func checkColumn(t *testing.T, r *census.Rules, where, col string) {
	t.Helper()
	f, mapped := r.Column(col)
	why, unread := unreadColumns[col]
	switch {
	case !mapped && !unread:
		t.Errorf("%s: column %q is Epoch's and columns.csv does not map it (map it, or list it in unreadColumns with why)", where, col)
	case mapped && unread:
		t.Errorf("%s: column %q is mapped to %s and also listed as unread (%s)", where, col, f, why)
	}
}

// Every column Epoch documents (SOURCES.md's header lists) and every
// column of every shared file is mapped by columns.csv or deliberately
// unread; where a file has two columns for one field (the reader takes the
// first), they hold the same values.
func TestEveryEpochColumnMapped(t *testing.T) {
	dir := shared.Snapshots(t)
	r := load(t)
	documented := documentedColumns(t, dir)
	inDocs := map[string]bool{}
	for _, c := range documented {
		inDocs[c] = true
		checkColumn(t, r, "SOURCES.md", c)
	}
	inFiles := map[string]bool{}
	for _, path := range shared.CSVFiles(t) {
		rel, _ := filepath.Rel(dir, path)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
		f.Close()
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: %v", rel, err)
		}
		header := rows[0]
		byField := map[census.Field]int{}
		for i, col := range header {
			if i == 0 {
				col = strings.TrimPrefix(col, "\ufeff")
			}
			inFiles[col] = true
			if !inDocs[col] {
				t.Errorf("%s: column %q is not in SOURCES.md's header lists", rel, col)
			}
			checkColumn(t, r, rel, col)
			if fld, ok := r.Column(col); ok {
				prev, dup := byField[fld]
				if !dup {
					byField[fld] = i
					continue
				}
				// Two columns of one field: the reader takes the first,
				// which is right only if the second never says otherwise.
				for n, rec := range rows[1:] {
					if rec[prev] != rec[i] {
						t.Errorf("%s:%d: columns %q (%q) and %q (%q) both map to %s and disagree", rel, n+2, header[prev], rec[prev], col, rec[i], fld)
						break
					}
				}
			}
		}
	}
	for c := range unreadColumns {
		if !inFiles[c] {
			t.Errorf("unreadColumns lists %q, which no shared file has", c)
		}
	}
	t.Logf("%d documented columns, %d in the files, %d deliberately unread", len(documented), len(inFiles), len(unreadColumns))
}

// The spellings of the dataset size and of the organization
// categorization across Epoch's history, on a hand-made header.
func TestColumnSpellings(t *testing.T) {
	r := load(t)
	for col, want := range map[string]census.Field{
		"Training dataset size (datapoints)":                census.FieldDatasetSize,
		"Training dataset size (gradients)":                 census.FieldDatasetSize,
		"Training dataset size (total)":                     census.FieldDatasetSize,
		"(DEPRECATED) Training dataset size (datapoints)":   census.FieldDatasetSize,
		"Organization categorization":                       census.FieldOrganizationCategorization,
		"Organization categorization (from Organization)":   census.FieldOrganizationCategorization,
		"Hardware utilization (MFU)":                        census.FieldUtilization,
		"Country (from Organization)":                       census.FieldCountry,
		" (deprecated)  Training dataset size (datapoints)": census.FieldDatasetSize,
	} {
		if got, ok := r.Column(col); !ok || got != want {
			t.Errorf("column %q maps to %q (%v), want %q", col, got, ok, want)
		}
	}
	for _, col := range []string{"Training dataset size", "Hardware utilization (HFU)", "Hardware count", "Updated dataset size"} {
		if f, ok := r.Column(col); ok {
			t.Errorf("column %q maps to %s; it must stay unread (%s)", col, f, unreadColumns[col])
		}
	}
}

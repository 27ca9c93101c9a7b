package bundled

import (
	_ "embed"
	"time"
)

// Zip is the bundled download: a zip archive of Epoch CSV files.
//
//go:embed ai_models-2026-08-19.zip
var Zip []byte

// Provenance says where the bundled files come from, and their licence
// (Markdown).
//
//go:embed PROVENANCE.md
var Provenance string

// Date is the snapshot date of the bundled download.
var Date = time.Date(2026, 8, 19, 0, 0, 0, 0, time.UTC)

// Name is how the bundled download is named in reports and file lists.
const Name = "ai_models-2026-08-19.zip"

// Credit is the attribution CC BY 4.0 asks for.
const Credit = `Epoch AI, "Data on AI Models", https://epoch.ai/data/ai-models, CC BY 4.0`

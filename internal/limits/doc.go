// Package limits states, in one place, every bound that modelcensus puts
// on what it reads, so that no small file (a zip that inflates, a
// workbook, an overlay) can take gigabytes of memory or minutes of time.
// Each bound holds by construction: it is checked before or while the
// bytes are read, never after they are held. Past a bound the input is
// refused with one message naming the file and the bound (exit 3 for a
// source; an overlay entry past a bound is skipped with a warning, as any
// bad entry is). docs/limits.md lists them for users.
//
// The numbers are far above the largest real input: Epoch's biggest file,
// all_ai_models.csv, was 6.3 MB in 2026 with about 3,500 rows of 50
// columns, and an overlay entry is a few hundred bytes.
//
// It holds only constants, shared by the readers of the data flow
// (docs/layout.md): epoch, overlay and cli.
package limits

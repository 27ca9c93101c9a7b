package snapshots

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/store"
)

// PullOptions configure Pull.
type PullOptions struct {
	epoch.OpenOptions
	// Date is the snapshot date, over what the source tells; DateBasis
	// and DatePath say where it came from ("" is the --date option).
	Date                time.Time
	DateBasis, DatePath string
	// Now is the current time; nil means time.Now.
	Now func() time.Time
	// ToolVersion is modelcensus's version, kept as provenance; the
	// figures kept for history (see Pull) are kept under it.
	ToolVersion string
	// Overlay, when set, is the overlay the figures kept for history are
	// also counted with (they are always kept without one): the overlay
	// history and serve apply.
	Overlay *census.Overlay
}

// PullResult says what a pull did.
type PullResult struct {
	Snapshot *census.Snapshot
	// Created is false when the latest snapshot of the same subsets, on
	// or before the date, has the same content (store.Store.Import).
	Created bool
	// Fetched describes the download, for a URL.
	Fetched *epoch.Fetched
	// Problems are the rows that could not be read.
	Problems []census.Problem
	// IgnoredCopies are the files of a folder left out as copies of the
	// same export as a file stored (epoch.Source.Copies): never merged.
	IgnoredCopies []census.IgnoredCopy
}

// Pull reads every CSV of a source and stores it as one snapshot, with every
// raw row and its provenance. Identical content already stored is not
// stored again. A new snapshot's figures for history (every year's count,
// countries and top model, for each subset) are kept in the figure cache,
// counted while the import runs.
func Pull(ctx context.Context, st *store.Store, rules *census.Rules, location string, opt PullOptions) (*PullResult, error) {
	src, err := epoch.Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return pullSource(ctx, st, rules, src, opt)
}

func pullSource(ctx context.Context, st *store.Store, rules *census.Rules, src *epoch.Source, opt PullOptions) (*PullResult, error) {
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	res := &PullResult{Fetched: src.Fetched, IgnoredCopies: src.Copies}
	snap := census.Snapshot{Source: src.Location, Kind: src.Kind, RetrievedAt: now().UTC(),
		ToolVersion: opt.ToolVersion, RulesVersion: rules.Version}
	var contents []store.Content
	var lastModified time.Time
	ds := census.NewDataset(rules) // only to collect unreadable rows
	for _, f := range src.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, c, lm, err := pullFile(f, rules, ds)
		if err != nil {
			return nil, err
		}
		if lm.After(lastModified) {
			lastModified = lm
		}
		snap.Files, contents = append(snap.Files, info), append(contents, c)
	}
	res.Problems = ds.Problems
	date, basis, path := src.SnapshotDate(epoch.LoadOptions{Date: opt.Date, DateBasis: opt.DateBasis, DatePath: opt.DatePath, Now: opt.Now}, lastModified)
	snap.Date, snap.DateBasis, snap.DatePath = date, basis, path
	if f := src.Fetched; f != nil {
		snap.ETag, snap.RetrievedAt = f.ETag, f.RetrievedAt.UTC()
	}
	// Every history of the new snapshot, of any figure and year, is then
	// read from the figure cache.
	figures := startFigures(ctx, rules, snap, contents, opt.ToolVersion, opt.Overlay)
	defer figures.wait()
	id, created, err := st.Import(ctx, snap, contents)
	if err != nil {
		return nil, err
	}
	res.Created = created
	if res.Snapshot, err = st.Snapshot(ctx, id); err != nil {
		return nil, err
	}
	if created {
		figures.keep(ctx, st, id)
	}
	return res, nil
}

// pullFile reads a file's bytes whole, and its rows through the reader,
// so that what is stored is exactly what a report would read: its
// provenance, its content and its newest "Last modified" value.
func pullFile(f epoch.File, rules *census.Rules, ds *census.Dataset) (census.FileInfo, store.Content, time.Time, error) {
	rc, err := f.Open()
	if err != nil {
		return census.FileInfo{}, store.Content{}, time.Time{}, &epoch.InputError{Kind: epoch.InputRead, Path: f.Name, Err: err}
	}
	content, err := readAll(rc)
	rc.Close()
	if err != nil {
		return census.FileInfo{}, store.Content{}, time.Time{}, &epoch.InputError{Kind: epoch.InputRead, Path: f.Name, Err: err}
	}
	c := store.Content{Bytes: content}
	// Each record's model index row, hashed as it is read: the cells are
	// not kept, so a pull holds no copy of the file's records beside its
	// bytes (a wide file's cells took several times the file).
	r, err := readFile(rules, f.Name, content, ds, nil, func(_ []string, row store.Row, _ string) { c.Models = append(c.Models, row) })
	if err != nil {
		return census.FileInfo{}, store.Content{}, time.Time{}, err
	}
	sum := sha256.Sum256(content)
	info := r.Info
	info.Name, info.Size, info.SHA256, info.ModTime, info.Dialect = f.Name, int64(len(content)), hex.EncodeToString(sum[:]), f.ModTime, census.Dialect{}
	return info, c, r.LastModified, nil
}

// readAll reads r whole, in one allocation when r is a file that tells
// its size (io.ReadAll grows its buffer, and zeroes each growth, as it
// reads).
func readAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<31 {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// datedFolder is one download of an archive folder.
type datedFolder struct {
	path string
	date time.Time
}

// archiveFolders lists dir's sub-folders named by a date, oldest first.
func archiveFolders(dir string) ([]datedFolder, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &epoch.InputError{Kind: epoch.InputRead, Path: dir, Err: err}
	}
	var out []datedFolder
	for _, e := range entries {
		if e.IsDir() {
			if d, ok := epoch.DateInPath(e.Name()); ok {
				out = append(out, datedFolder{filepath.Join(dir, e.Name()), d})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// IsArchive reports whether dir is an archive of downloads: a folder with
// no CSV of its own and at least one sub-folder named YYYY-MM-DD.
func IsArchive(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	dated := false
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			return false
		}
		if e.IsDir() {
			if _, ok := epoch.DateInPath(e.Name()); ok {
				dated = true
			}
		}
	}
	return dated
}

// ImportArchive pulls every dated sub-folder of dir, oldest first: one
// snapshot per sub-folder, dated by its name. report is called after each.
func ImportArchive(ctx context.Context, st *store.Store, rules *census.Rules, dir string, opt PullOptions, report func(folder string, r *PullResult, err error)) error {
	folders, err := archiveFolders(dir)
	if err != nil {
		return err
	}

	failed := 0
	for _, f := range folders {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := filepath.Base(f.path)
		// An archive's layout dates each download by its folder.
		opt.Date, opt.DateBasis, opt.DatePath = f.date, census.DateFromPath, f.path
		r, err := Pull(ctx, st, rules, f.path, opt)
		if err != nil {
			failed++
		}
		if report != nil {
			report(name, r, err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d folders could not be imported", failed, len(folders))
	}
	return nil
}

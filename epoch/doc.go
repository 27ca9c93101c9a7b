// Package epoch reads Epoch AI's "Data on AI models" exports in every
// header version they have had: a single CSV, an ai_models.zip, a folder of
// CSVs or an https URL (downloaded by the OpenOptions.Download given, such
// as package epoch/download's Fetch, through a cache revalidated by ETag).
//
// It is where data enters modelcensus (second floor of the data flow,
// docs/layout.md): it maps each file's columns onto census fields with the
// rules' column aliases and adds every row to a census.Dataset. A source
// that cannot be read at all is an InputError naming the file, line and
// column; a row that cannot be read is skipped and reported as a
// census.Problem, never losing the others. Everything above it (snapshots,
// web, cli) reads exports through it.
package epoch

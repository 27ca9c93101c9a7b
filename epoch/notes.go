package epoch

import "time"

// Notes are what reading a source has to tell its reader besides the
// dataset: the snapshot bundled with modelcensus standing in for a
// download that failed, or a download's copy taken from the cache or
// used offline. The zero Notes say nothing.
type Notes struct {
	// Location is the source as it was given.
	Location string
	// Fallback, when the bundled snapshot stands in for the download, is
	// why the download failed (Source.FallbackReason); nil otherwise.
	Fallback error
	// Date is the source's own snapshot date (Source.Date): the bundled
	// snapshot's, for a fallback.
	Date time.Time
	// Fetched describes the download, for a URL (Source.Fetched).
	Fetched *Fetched
}

// NotesOf are src's notes, for a source opened from location.
func NotesOf(location string, src *Source) Notes {
	return Notes{Location: location, Fallback: src.FallbackReason, Date: src.Date, Fetched: src.Fetched}
}

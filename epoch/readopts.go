package epoch

import (
	"slices"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/census"
)

// ReadValues are the values that say how a source is read, as a
// command's flags give them ("" for the default): its subset, its date
// (YYYY-MM-DD), its encoding and its date order.
type ReadValues struct {
	Subset, Date, Encoding, DateFormat string
}

// The choices of ReadValues, in the order messages list them.
var (
	SubsetChoices     = []string{SubsetAll, SubsetNotable, SubsetLargeScale, SubsetFrontier}
	EncodingChoices   = []string{"utf-8", "utf-16le", "utf-16be", "cp949 (euc-kr)", "windows-1252 (latin-1)", "macintosh (mac-roman)", "cp850"}
	DateFormatChoices = []string{DateISO, DateMonth, DateDay}
)

// CheckRead checks v and returns it normalized: the encoding by the
// reader's name for it (Encodings), the date order in lower case. Errors
// are *census.OptionError naming the option as its flag (subset, date,
// encoding, date-format): census.OptionChoice, or census.OptionDate for
// a date that is not YYYY-MM-DD.
func CheckRead(v ReadValues) (ReadValues, error) {
	if v.Subset != "" && !slices.Contains(SubsetChoices, v.Subset) {
		return v, &census.OptionError{Option: "subset", Value: v.Subset, Code: census.OptionChoice, Choices: SubsetChoices}
	}
	if v.Date != "" {
		if _, err := time.Parse("2006-01-02", v.Date); err != nil {
			return v, &census.OptionError{Option: "date", Value: v.Date, Code: census.OptionDate}
		}
	}
	if v.Encoding != "" {
		enc, ok := Encodings[strings.ToLower(v.Encoding)]
		if !ok {
			return v, &census.OptionError{Option: "encoding", Value: v.Encoding, Code: census.OptionChoice, Choices: EncodingChoices}
		}
		v.Encoding = enc
	}
	if v.DateFormat = strings.ToLower(v.DateFormat); v.DateFormat != "" && !slices.Contains(DateFormatChoices, v.DateFormat) {
		return v, &census.OptionError{Option: "date-format", Value: v.DateFormat, Code: census.OptionChoice, Choices: DateFormatChoices}
	}
	return v, nil
}

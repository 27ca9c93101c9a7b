package epoch

import (
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
)

// CheckRead normalizes the encoding and the date order, and names the
// option of each bad value.
func TestCheckRead(t *testing.T) {
	v, err := CheckRead(ReadValues{Subset: "notable", Date: "2024-07-16", Encoding: "EUC-KR", DateFormat: "DMY"})
	if err != nil || v.Encoding != EncodingCP949 || v.DateFormat != DateDay {
		t.Errorf("%+v %v", v, err)
	}
	for _, c := range []struct {
		v            ReadValues
		option, code string
	}{
		{ReadValues{Subset: "big"}, "subset", census.OptionChoice},
		{ReadValues{Date: "16/07/2024"}, "date", census.OptionDate},
		{ReadValues{Encoding: "ebcdic"}, "encoding", census.OptionChoice},
		{ReadValues{DateFormat: "ydm"}, "date-format", census.OptionChoice},
	} {
		_, err := CheckRead(c.v)
		var oe *census.OptionError
		if !errors.As(err, &oe) || oe.Option != c.option || oe.Code != c.code {
			t.Errorf("%+v: %v", c.v, err)
		}
	}
}

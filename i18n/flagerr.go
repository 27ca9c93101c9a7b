package i18n

import (
	"regexp"
	"strings"
	"sync"
)

// cobraErrors are the messages cobra and pflag give for a bad command
// line, with the catalog key that says the same in the user's language.
// They are compiled on the first bad command line, not at every start.
var cobraErrors = sync.OnceValue(func() []cobraError {
	return []cobraError{
		{regexp.MustCompile(`^unknown flag: (\S+)$`), "flagerr.unknown"},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "flagerr.unknown_short"},
		{regexp.MustCompile(`^flag needs an argument: '?(\S+?)'?(?: in \S+)?$`), "flagerr.needs_value"},
		{regexp.MustCompile(`(?s)^unknown command "(.*?)" for "(.*?)"\s+Did you mean this\?\s+(\S+)`), "flagerr.unknown_command_suggest"},
		{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "flagerr.unknown_command"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(\S+?)" flag: (?:strconv\.Parse(?:Int|Uint)|.*parsing .* invalid syntax)`), "flagerr.whole_number"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(\S+?)" flag: strconv\.ParseFloat`), "flagerr.number"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(\S+?)" flag: time: `), "flagerr.duration"},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(\S+?)" flag: `), "flagerr.invalid"},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "flagerr.args"},
	}
})

type cobraError struct {
	re  *regexp.Regexp
	key string
}

// FlagMessage restates a cobra or pflag error message (an unknown flag or
// command, a flag without its value, a value that is not a number, a
// wrong count of arguments) in language l, and leaves a message it does
// not know as it is.
func FlagMessage(l Lang, msg string) string {
	msg = strings.TrimSpace(msg)
	for _, e := range cobraErrors() {
		if m := e.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return l.T(e.key, args...)
		}
	}
	return msg
}

package i18n

import "strings"

// FromArgs picks the language of a command line's help and messages: the
// first valid --lang (as --lang=VALUE or --lang VALUE) among args, else
// the locale's (FromEnv with getenv). An invalid --lang value is skipped.
func FromArgs(args []string, getenv func(string) string) Lang {
	for i, a := range args {
		v := ""
		switch {
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		}
		if l, err := Parse(v); err == nil {
			return l
		}
	}
	return FromEnv(getenv)
}

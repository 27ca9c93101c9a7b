package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/i18n"
)

// Version is the modelcensus version, set at build time with
// -ldflags "-X github.com/modelcensus/modelcensus/cli.Version=...".
var Version = "0.1.0-dev"

// NewRoot builds the modelcensus command tree.
func NewRoot(io *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "modelcensus",
		Short: "Count the world's large-scale AI models from Epoch AI's database",
		Long: `modelcensus reads an export of Epoch AI's "Data on AI models" database
(CC BY 4.0), normalizes it by stated rules and prints the census a national
report needs: models per year and their growth, countries, organizations,
domains, multimodal models and the largest training runs.

modelcensus는 Epoch AI의 "Data on AI models" 데이터베이스(CC BY 4.0)를 읽어
명시된 규칙으로 정규화하고, 보고서에 필요한 통계(연도별 모델 수와 증가율,
국가, 기관, 분야, 멀티모달 모델, 학습 연산량 상위 모델)를 계산합니다.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetIn(io.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &Error{Code: ExitUsage, Msg: err.Error() + " (see --help / --help 참조)", Err: err}
	})
	root.AddCommand(newReportCmd(io), newRulesCmd(io))
	return root
}

// Run executes the command line args and returns the process exit code,
// having printed any error as one line on ErrOut.
func Run(ctx context.Context, io *IOStreams, args []string) int {
	root := NewRoot(io)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ce *Error
	if !errors.As(err, &ce) {
		// Cobra's own errors: unknown command, bad arguments.
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "arg(s)") || strings.Contains(msg, "flag") {
			ce = &Error{Code: ExitUsage, Msg: msg + " (see --help / --help 참조)", Err: err}
		} else {
			ce = translate(i18n.FromEnv(io.Getenv), err).(*Error)
		}
	}
	fmt.Fprintln(io.ErrOut, "modelcensus: "+ce.Msg)
	return ce.Code
}

package cli

import (
	"bytes"
	"errors"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/rules"
	"github.com/modelcensus/modelcensus/web"
)

// recipeDir is the folder of a user's own recipes (rules.RecipeDir).
func recipeDir(io *IOStreams) string { return rules.RecipeDir(overlay.DefaultDir(io.Getenv)) }

// recipeError is the usage error for a recipe that cannot be used.
func recipeError(l i18n.Lang, err error) error {
	var re *rules.RecipeError
	if errors.As(err, &re) {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.recipe", re.Error())), Err: err}
	}
	return figureError(l, err)
}

// runRecipe is report --recipe with a recipe of tables: every figure of
// the recipe over the source, with the Thresholds section and the trend
// in the brief and the workbook where the recipe or --thresholds asks.
// The counting flags given on the command line replace the recipe's
// settings; a figure's own keys stay.
func runRecipe(cmd *cobra.Command, io *IOStreams, l i18n.Lang, o *reportOptions, recipe *census.Recipe) error {
	writer, err := io.Deps.Formats.RecipeFormat(o.Format, o.Output)
	if err != nil {
		return usageOf(l, err)
	}
	changed := cmd.Flags().Changed
	rr := &recipe.Rules
	rr.Override(o.optionValues(), changed)
	o.Subset = rr.SubsetOr(o.Subset, changed)
	if err := o.validate(l); err != nil {
		return err
	}
	opt, _ := o.censusOptions(l)
	base := census.TableSpec{}
	base.Options.MinCompute = opt.MinCompute
	if err := rules.CheckFigures(recipe, base); err != nil {
		return recipeError(l, err)
	}
	g := publish.Gather(nil, o.WithThresholds || recipe.Thresholds, o.WithThresholds || recipe.Trend, o.EstimateMissing)
	_, ds, err := o.read(cmd.Context(), io, l, g.OnRow())
	if err != nil {
		return err
	}
	tables, err := census.MakeRecipe(ds, recipe, base)
	if err != nil {
		return figureError(l, err)
	}
	return writeWith(io, l, o.Output, func(w *bytes.Buffer, po publish.Options) error {
		return writer.Recipe(cmd.Context(), w, g.Recipe(recipe, tables, ds), po)
	})
}

// servedRecipes are the recipes the dashboard's Tables page offers: the
// bundled ones and the user's own that can be read.
func servedRecipes(io *IOStreams) web.Recipes {
	dir := recipeDir(io)
	return web.Recipes{Names: rules.UsableRecipes(dir), Load: func(name string) (*census.Recipe, error) { return rules.LoadRecipe(name, dir) }}
}

// newRecipesCmd is `modelcensus recipes`: the bundled recipes and the
// user's own.
func newRecipesCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "recipes",
		Short: l.T("cmd.recipes.short"),
		Long:  l.T("long.recipes"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l := i18n.FromEnv(io.Getenv)
			if lang != "" {
				var err error
				if l, err = i18n.Parse(lang); err != nil {
					return usageError("en", err)
				}
			}
			list := publish.RecipeList(rules.ListRecipes(recipeDir(io)), func(err error) string { return recipeError(l, err).Error() })
			return publish.WriteRecipeList(io.Out, list, l)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", l.T("flag.lang"))
	return cmd
}

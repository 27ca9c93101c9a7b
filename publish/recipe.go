package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/rules"
)

// recipeJSON is a recipe report's JSON: the recipe, then each figure's
// table in the table contract's form, with its id, title and note.
type recipeJSON struct {
	Recipe  string        `json:"recipe"`
	Title   textJSON      `json:"title"`
	Figures []figureJSON  `json:"figures"`
	Source  census.Source `json:"source"`
}

type textJSON struct {
	EN string `json:"en"`
	KO string `json:"ko"`
}

type figureJSON struct {
	ID    string          `json:"id"`
	Title textJSON        `json:"title"`
	Note  *textJSON       `json:"note,omitempty"`
	Table json.RawMessage `json:"table"`
}

// WriteRecipe writes a recipe's figures (census.MakeRecipe) in format
// (text, json, csv or markdown) and l.
func WriteRecipe(w io.Writer, r *census.Recipe, tables []census.RecipeTable, format string, l i18n.Lang) error {
	lang := string(l)
	var b bytes.Buffer
	switch format {
	case "json":
		doc := recipeJSON{Recipe: r.ID, Title: textJSON{r.Title.EN, r.Title.KO}, Figures: []figureJSON{}}
		for _, t := range tables {
			data, err := json.Marshal(t.Table)
			if err != nil {
				return err
			}
			f := figureJSON{ID: t.Figure.ID, Title: textJSON{t.Figure.Title.EN, t.Figure.Title.KO}, Table: data}
			if t.Figure.Note.EN != "" {
				f.Note = &textJSON{t.Figure.Note.EN, t.Figure.Note.KO}
			}
			doc.Figures = append(doc.Figures, f)
			doc.Source = t.Table.Source
		}
		return WriteJSONValue(w, doc)
	case "csv":
		// One long table: the figure, its dimensions and their values
		// ("|" between several), the measure and its value.
		if _, err := io.WriteString(w, UTF8BOM); err != nil {
			return err
		}
		cw := NewCSVWriter(w)
		_ = cw.Write([]string{"figure", "by", "key", "name", "measure", "value"})
		for _, t := range tables {
			for _, row := range t.Table.Rows {
				var names []string
				for j, k := range row.Keys {
					names = append(names, t.Table.Label(j, k, lang))
				}
				v := ""
				if !row.Missing {
					v = num(row.Value)
				}
				_ = cw.Write([]string{t.Figure.ID, strings.Join(t.Table.By, "|"), strings.Join(row.Keys, "|"),
					strings.Join(names, "|"), t.Table.Measure, v})
			}
		}
		return cw.Flush()
	case "markdown":
		b.WriteString("# " + MarkdownEscape(r.Title.In(lang)) + "\n\n")
		if d := r.Description.In(lang); d != "" {
			b.WriteString(MarkdownEscape(d) + "\n\n")
		}
		for _, t := range tables {
			b.WriteString("## " + MarkdownEscape(t.Figure.ID+". "+t.Figure.Title.In(lang)) + "\n\n")
			writeMarkdownTable(&b, DataTable(t.Table, "", l), l)
			if n := t.Figure.Note.In(lang); n != "" {
				b.WriteString("\n" + MarkdownEscape(n) + "\n")
			}
			b.WriteString("\n" + MarkdownEscape(TableRulesLine(t.Table, l)) + "\n\n")
		}
		if len(tables) > 0 {
			b.WriteString(MarkdownEscape(TableSourceLine(tables[0].Table, l)) + "\n")
		}
	default:
		title := r.Title.In(lang)
		b.WriteString(title + "\n" + strings.Repeat("=", DisplayWidth(title)) + "\n")
		if d := r.Description.In(lang); d != "" {
			b.WriteString(d + "\n")
		}
		for _, t := range tables {
			b.WriteString("\n" + t.Figure.ID + ". " + t.Figure.Title.In(lang) + "\n")
			writeAligned(&b, DataTable(t.Table, "", l), l)
			if n := t.Figure.Note.In(lang); n != "" {
				b.WriteString("  " + n + "\n")
			}
			b.WriteString("  " + TableRulesLine(t.Table, l) + "\n")
		}
		if len(tables) > 0 {
			b.WriteString("\n" + TableSourceLine(tables[0].Table, l) + "\n")
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// RecipeListEntry is one recipe as `modelcensus recipes` lists it: its
// name, title and number of figures, and where it is (File, or Bundled);
// Problem, for a recipe that cannot be read, says why.
type RecipeListEntry struct {
	Name, File string
	Title      census.Text
	Figures    int
	Bundled    bool
	Problem    string
}

// RecipeList is the list WriteRecipeList writes of the recipes
// rules.ListRecipes found, problem saying a recipe's error.
func RecipeList(infos []rules.RecipeInfo, problem func(error) string) []RecipeListEntry {
	var list []RecipeListEntry
	for _, r := range infos {
		e := RecipeListEntry{Name: r.Name, File: r.File, Title: r.Title, Figures: r.Figures, Bundled: r.Bundled}
		if r.Err != nil {
			e.Problem = problem(r.Err)
		}
		list = append(list, e)
	}
	return list
}

// WriteRecipeList writes the recipes as aligned columns in l: name,
// figures, title and where each is; a recipe that cannot be read shows
// its problem in their place.
func WriteRecipeList(w io.Writer, list []RecipeListEntry, l i18n.Lang) error {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, r := range list {
		if r.Problem != "" {
			fmt.Fprintf(tw, "%s\t-\t%s\n", r.Name, r.Problem)
			continue
		}
		where := r.File
		if r.Bundled {
			where = l.T("recipes.bundled")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, l.T("recipes.figures", r.Figures), r.Title.In(string(l)), where)
	}
	tw.Flush()
	_, err := w.Write(b.Bytes())
	return err
}

using MLRepro.Findings;
using MLRepro.Formats.DataTracking;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>data.documented — the dataset's structure/schema and requirements are documented.</summary>
public sealed partial class DataDocumentedCheck : CheckBase
{
    /// <summary>Words in a table header that mark a schema table.</summary>
    private static readonly string[] SchemaHeaderWords = ["column", "field", "feature", "attribute", "variable", "name", "key", "label", "file"];

    /// <summary>Header words of tables that describe something else: pipeline stages, plots, metrics, commands, parameters.</summary>
    private static readonly string[] NotSchemaWords = ["stage", "step", "plot", "metric", "command", "parameter", "hyperparameter", "model", "result", "score", "accuracy", "benchmark", "option", "argument", "flag"];

    /// <summary>How many data file names are looked up in the documentation.</summary>
    private const int MaxNamedFiles = 200;

    private static readonly string[] SchemaDetailWords = ["type", "dtype", "description", "format", "unit", "meaning", "values", "shape"];

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.documented",
        StarLevel.Data,
        "Data structure documented",
        "The dataset's structure/schema and requirements are documented, so another dataset with the same interface can be built.",
        "Met by a written schema: a datapackage.json, Croissant file, JSON Schema, dataset card features, pandera or Great Expectations " +
        "schema (suites, or legacy expect_table_columns_to_match_* calls), a schema.yaml mapping columns to dtypes, or a table or list " +
        "(\"`name`: `str`, meaning\") of columns with types or descriptions in the README, a data README, a data dictionary file or a notebook's data section, or a sentence stating the format " +
        "(\"one item per line\", \"one line for one sentence\", \"each line describes…\", \"every row indicates an edge\", a tabular file's column count \"a csv with two columns\", a record template such as `<id> <features> <label>`, the separator between samples (\"separate each sample with 2 blank lines\"), the fields of each record, " +
        "a sub-folder per class, class labels carried by the file names (\"name the files like mylabel_XXX.jpg\"), annotations in a published format such as Pascal VOC, COCO or YOLO), or an example record introduced as the data's format " +
        "(\"The data format is as follows\" above {\"instruction\": …, \"input\": …, \"output\": …}) or as an example of the data (\"For example, here is the training data:\", " +
        "or \"e.g.:\" under a data heading). Naming a standard dataset (in code, or in a documentation sentence about the data: \"the dataset files for Cora\"), a simulated environment (gym.make) or the data's source (a dataset URL in code or config, a readme linking the input " +
        "file), or a schema that is only implicit in code (the code reads the data, nothing describes it), config (column lists) or the committed data files, is Partial; " +
        "NotMet is left for a project whose code reads no data and documents none.",
        "Add a data/README.md with a table of the columns (name, type, meaning, units) and the file format, or a datapackage.json.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var schemas = project.DatasetSchemas.Where(s => s.Fields.Length > 0).ToList();
        if (schemas.Count > 0)
        {
            return Found(Outcome.Met, $"the data's structure is written down ({Count(schemas.Sum(s => s.Fields.Length), "field")} described).",
                schemas.Take(5).Select(s => Evidence.At(s.Source, s.Line, $"{s.Kind} schema: {List(s.Fields.Select(f => f.Name))}")));
        }

        var tables = project.Docs.SelectMany(d => d.Tables.Select(t => (d.Path, Table: t)))
            .Where(x => x.Table.Header.Any(h => SchemaHeaderWords.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase)))
                && !x.Table.Header.Any(h => NotSchemaWords.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase)))
                && x.Table.Header.Any(h => SchemaDetailWords.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase)))
                && x.Table.Rows.Length >= 2)
            .ToList();
        if (tables.Count > 0)
        {
            return Found(Outcome.Met, "a table documents the data's columns.",
                tables.Take(3).Select(x => Evidence.At(x.Path, x.Table.Line, $"table of {Count(x.Table.Rows.Length, "row")}: {string.Join(" | ", x.Table.Header)}")));
        }

        var statements = FormatStatements(project).Take(3).ToList();
        if (statements.Count > 0)
        {
            return Found(Outcome.Met, "the documentation states the data's format (the interface another dataset must follow).", statements);
        }

        var dictionaries = DataDictionaries(project).Concat(NotebookFieldLists(project)).Concat(MarkdownFieldLists(project)).Take(3).ToList();
        if (dictionaries.Count > 0)
        {
            return Found(Outcome.Met, "a data dictionary describes the data's fields.", dictionaries);
        }

        var partial = new List<Evidence>();
        foreach (var d in project.Docs)
        {
            foreach (var s in d.SectionsMatching("data", "dataset", "input format", "schema"))
            {
                // "Distributed Data Parallel", "Data loaders": the heading names a technique, not the data.
                if (s.Text.Length > 80 && !NotAboutData().IsMatch(s.Heading))
                {
                    partial.Add(Evidence.At(d.Path, s.Line, $"section \"{s.Heading}\" describes the data in prose"));
                }
            }
        }

        var named = project.Data.Sources.Where(s => s.Kind is DataSourceKind.StandardDataset or DataSourceKind.HuggingFaceDataset or DataSourceKind.KaggleDataset or DataSourceKind.KaggleCompetition).ToList();
        partial.AddRange(named.Take(3).Select(s => Evidence.At(s.Path, s.Line, $"names a standard dataset ({s.Value}): its structure is known elsewhere, not written here")));
        if (named.Count == 0)
        {
            partial.AddRange(DocumentedStandardDatasets(project).Take(2));
        }

        // An RL agent's input is a simulated environment (gym.make("CartPole-v1")): naming it is like naming a standard
        // dataset; its observation and action spaces are defined by the environment library, not written here.
        partial.AddRange(project.Data.Environments.DistinctBy(e => e.Id).Take(3)
            .Select(e => Evidence.At(e.Path, e.Line, $"creates the simulated environment {e.Id}: its observation and action spaces are defined by the environment library, not written here", $"{e.Call}({e.Id})")));

        // Naming where the data comes from (a dataset URL in a code comment or config, a `dvc get` of a registry) says
        // which dataset it is, without its structure.
        var located = project.Data.Sources.Where(s => s.Kind is DataSourceKind.DataUrl or DataSourceKind.FileHost or DataSourceKind.HttpDownload or DataSourceKind.DvcGet
            or DataSourceKind.ObjectStore or DataSourceKind.HuggingFaceFiles).ToList();
        if (named.Count == 0)
        {
            partial.AddRange(located.Take(3).Select(s => Evidence.At(s.Path, s.Line, $"names the data's source ({s.Value}), not its structure")));
        }

        // Documentation that names the project's own data files (a file tree with data/data.xml, "the raw data.xml").
        if (partial.Count == 0)
        {
            var dataNames = project.Data.TrackedPaths.Concat(project.Data.CommittedDataFiles.Select(f => f.Path))
                .Select(p => p.TrimEnd('/')[(p.TrimEnd('/').LastIndexOf('/') + 1)..])
                .Where(n => n.Length >= 5 && n.Contains('.', StringComparison.Ordinal) && !n.EndsWith(".dvc", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Take(MaxNamedFiles).ToList();
            foreach (var d in project.Docs)
            {
                var hit = dataNames.Select(n => (Name: n, Section: d.Sections.FirstOrDefault(s => s.Text.Contains(n, StringComparison.Ordinal)))).FirstOrDefault(x => x.Section is not null);
                if (hit.Section is not null)
                {
                    partial.Add(Evidence.At(d.Path, hit.Section.Line, $"names the data file {hit.Name}, not its structure"));
                    break;
                }
            }
        }

        // A schema only implicit in configuration (column lists) or in committed files and the code reading them is Partial.
        partial.AddRange(ConfigColumns(project).Take(2));
        if (partial.Count == 0)
        {
            partial.AddRange(CommittedInputs(project));
        }

        partial.AddRange(project.Data.DocumentedInputs.Take(3).Select(d => Evidence.At(d.Doc, d.Line, $"describes the input {d.Read.Literal} that {d.Read.Path} reads, not its structure")));

        // Nothing names or describes the data, but the code reads it: the structure it expects (the columns it selects, the
        // keys it looks up) is there, only implicit in the code, which the interpretation rates Partial. NotMet is left for
        // a project with no data input to document.
        if (partial.Count == 0)
        {
            partial.AddRange(ImplicitInCode(project));
        }

        if (partial.Count > 0)
        {
            return Found(Outcome.Partial, "the data is named or described, but its structure (columns, types, formats) is not written down.", partial);
        }

        return Found(Outcome.NotMet, "no description of the data's structure was found.",
            Evidence.Repo($"searched {Count(project.Docs.Count, "document")} for schema tables and data sections, and the project for datapackage.json, Croissant, JSON Schema, dataset cards and pandera/Great Expectations schemas"));
    }

    /// <summary>Input reads of the project's code (not its own outputs, configs or code): the data's structure is implicit there.</summary>
    internal static IEnumerable<Evidence> ImplicitInCode(ProjectModel project) =>
        project.Data.InputReads.Where(r => r.Status is not Analysis.DataPathStatus.Produced && !(r.Literal is { } l && Analysis.DataAnalysis.IsConfigOrCode(l))
                && !Analysis.ConfigAnalysis.IsTestOrTooling(r.Path))
            .DistinctBy(r => r.Literal ?? r.Argument, StringComparer.Ordinal).Take(3)
            .Select(r => Evidence.At(r.Path, r.Line, $"reads {r.Literal ?? r.Argument}: the data's structure is only implicit in this code", $"{r.Function}({r.Argument})"));

    /// <summary>
    /// Well-known datasets (datasets.tsv) the documentation names as the project's data: a word such as Cora, CIFAR-10 or COCO
    /// in a sentence about data or training ("data/ contains the necessary dataset files for Cora"). Naming a standard dataset
    /// says which one it is; its structure is documented elsewhere.
    /// </summary>
    internal static IEnumerable<Evidence> DocumentedStandardDatasets(ProjectModel project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in project.Docs.Where(d => !Analysis.ConfigAnalysis.IsTestOrTooling(d.Path)))
        {
            foreach (var s in d.Sections)
            {
                foreach (var sentence in StandardSentenceBreak().Split(s.Text).Where(x => x.Length <= MaxStandardSentenceChars && DatasetContext().IsMatch(x)))
                {
                    foreach (System.Text.RegularExpressions.Match w in DatasetWord().Matches(sentence))
                    {
                        if (Knowledge.WellKnownDatasets.Find(w.Value) is { } known && seen.Add(known.Key))
                        {
                            yield return Evidence.At(d.Path, s.Line, $"names the standard dataset {known.Name}: its structure is known elsewhere, not written here");
                        }
                    }
                }
            }
        }
    }

    /// <summary>Sentences longer than this are tables or lists, not a statement naming the data.</summary>
    private const int MaxStandardSentenceChars = 400;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?;])\s+|\n")]
    private static partial System.Text.RegularExpressions.Regex StandardSentenceBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:data|dataset|datasets|trained|train|training|benchmark)\b")]
    private static partial System.Text.RegularExpressions.Regex DatasetContext();

    /// <summary>A word that may name a dataset: letters, then letters, digits or hyphens (Cora, CIFAR-10, VOC2012).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w/.-])[A-Za-z][A-Za-z0-9-]{2,30}(?![\w/])")]
    private static partial System.Text.RegularExpressions.Regex DatasetWord();

    /// <summary>Most field-list lines a plain-text data description needs before it counts as a field list.</summary>
    internal const int MinFieldLines = 5;

    /// <summary>
    /// Committed data dictionaries: a file named as one (HomeCredit_columns_description.xls, *_definitions.pdf,
    /// data_dictionary.csv, codebook.txt), or a plain-text description beside the data (data/Readme.txt, a UCI dataset
    /// description) that lists at least <see cref="MinFieldLines"/> fields as "- name : meaning" lines.
    /// </summary>
    internal static IEnumerable<Evidence> DataDictionaries(ProjectModel project)
    {
        foreach (var f in project.Index.Files)
        {
            var name = f.Path[(f.Path.LastIndexOf('/') + 1)..];
            var stem = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
            if (Analysis.ConfigAnalysis.IsTestOrTooling(f.Path) || f.Path.Split('/').Any(p => p.StartsWith('.')))
            {
                continue;
            }

            if (f.Extension is ".xls" or ".xlsx" or ".csv" or ".pdf" or ".txt" or ".md" or ".json" or ".html" && DictionaryName().IsMatch(stem))
            {
                yield return Evidence.At(f.Path, null, "a data dictionary (its name says it describes the data's fields)");
                continue;
            }

            var inDataFolder = f.Path.Split('/')[..^1].Any(p => p.ToLowerInvariant() is "data" or "dataset" or "datasets" or "input" or "raw");
            if (f.Extension is ".txt" or "" && (inDataFolder || stem.Contains("readme", StringComparison.OrdinalIgnoreCase))
                && project.Text(f) is { } text && FieldLine().Count(text.Text) is var fields and >= MinFieldLines)
            {
                yield return Evidence.At(f.Path, null, $"a plain-text description of the data listing its fields ({fields} \"name : meaning\" lines)");
            }
        }
    }

    /// <summary>
    /// A notebook's data section that lists the fields: a markdown cell whose heading is about the data ("Dataset information",
    /// "Data description", "About the data") followed, in it or in the next markdown cell, by at least
    /// <see cref="MinFieldLines"/> "- name : meaning" lines, where a name may be several words (<c>- parental level of education : …</c>).
    /// </summary>
    internal static IEnumerable<Evidence> NotebookFieldLists(ProjectModel project)
    {
        foreach (var nb in project.Notebooks.Where(n => !Analysis.ConfigAnalysis.IsTestOrTooling(n.Path)))
        {
            var markdown = nb.Cells.Where(c => c.Kind == Formats.Notebook.NotebookCellKind.Markdown).ToList();
            for (var i = 0; i < markdown.Count; i++)
            {
                if (!DataHeading().IsMatch(markdown[i].Source))
                {
                    continue;
                }

                var fields = NotebookFieldLine().Count(markdown[i].Source);
                if (fields < MinFieldLines && i + 1 < markdown.Count && markdown[i + 1].Index <= markdown[i].Index + 3)
                {
                    fields = NotebookFieldLine().Count(markdown[i + 1].Source);
                }

                if (fields >= MinFieldLines)
                {
                    yield return Evidence.At(nb.Path, null, $"markdown cell {markdown[i].Index + 1} describes the data's fields ({fields} \"name : meaning\" lines)");
                    break;
                }
            }
        }
    }

    /// <summary>Non-blank lines above a field list searched (with the section heading) for the words saying it lists the data's fields.</summary>
    private const int FieldListContextLines = 4;

    /// <summary>
    /// A list of the data's fields in a Markdown document, outside code blocks: at least <see cref="MinFieldLines"/> consecutive
    /// "name: meaning" lines (bulleted or not, the name possibly in inline code, a blockquote marker allowed: <c>* `order_id`: order
    /// identifier</c>, <c>normalized-losses: continuous from 65 to 256</c>) under a heading or lines that call them the data's
    /// schema, columns, fields, attributes or variables, and not options, parameters, settings or outputs.
    /// </summary>
    internal static IEnumerable<Evidence> MarkdownFieldLists(ProjectModel project)
    {
        foreach (var d in project.Docs.Where(d => d.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Analysis.ConfigAnalysis.IsTestOrTooling(d.Path)))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(d.Path).ToLowerInvariant();
            if (ProcessDocs.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || project.Text(d.Path) is not { } text)
            {
                continue;
            }

            var fences = d.CodeBlocks.Where(b => b.Fenced).Select(b => (From: b.Line - 1, To: b.Line + b.Text.Count(c => c == '\n') + 1)).ToList();
            var run = 0;
            for (var line = 1; line <= text.LineCount + 1; line++)
            {
                var raw = line <= text.LineCount ? text.GetLine(line) : string.Empty;
                if (line <= text.LineCount && !fences.Any(f => line >= f.From && line <= f.To) && MarkdownFieldLine().IsMatch(raw))
                {
                    run++;
                    continue;
                }

                if (run >= MinFieldLines && FieldListContext(text, line - run) is { } context && SchemaContext().IsMatch(context) && !NotSchemaContext().IsMatch(context))
                {
                    yield return Evidence.At(d.Path, line - run, $"lists the data's fields ({run} \"name: meaning\" lines)");
                    break;
                }

                run = 0;
            }
        }
    }

    /// <summary>The nearest heading above a line and the few non-blank lines just above it.</summary>
    private static string FieldListContext(MLRepro.Text.SourceText text, int first)
    {
        var lines = new List<string>();
        var heading = string.Empty;
        for (var l = first - 1; l >= 1; l--)
        {
            var t = text.GetLine(l).Trim();
            if (t.StartsWith('#'))
            {
                heading = t;
                break;
            }

            if (t.Length > 0 && lines.Count < FieldListContextLines)
            {
                lines.Add(t);
            }
        }

        return heading + "\n" + string.Join('\n', lines);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?`?[A-Za-z_][\w.\- ]{0,40}?`?[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*:[ \t]*(?!//)\S")]
    private static partial System.Text.RegularExpressions.Regex MarkdownFieldLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:schema|columns?|fields?|attributes?|variables?|data\s+dictionary)\b")]
    private static partial System.Text.RegularExpressions.Regex SchemaContext();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:arguments?|options?|parameters?|hyper-?parameters?|flags?|config(?:uration)?|settings?|outputs?|returns?)\b")]
    private static partial System.Text.RegularExpressions.Regex NotSchemaContext();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?im)^[ \t]*#{1,6}[ \t]*(?:[\d.)]+[ \t]*)?(?:data(?:set)?[ \t]+(?:information|description|dictionary|overview|fields|columns|attributes)|about[ \t]+the[ \t]+data(?:set)?|(?:column|feature|attribute|field)[ \t]+(?:descriptions?|information))\b")]
    private static partial System.Text.RegularExpressions.Regex DataHeading();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*[-*+][ \t]*[A-Za-z_][\w /&().'-]{0,48}?[ \t]*(?::|->|–|—)[ \t]*\S")]
    private static partial System.Text.RegularExpressions.Regex NotebookFieldLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:^|[_ .-])(?:(?:columns?|fields?|variables?|features?|attributes?|data)[_ -]?(?:descriptions?|definitions?|dictionary|dict|codebook)|codebook|data[_ -]?dictionary|definitions)(?:$|[_ .-])")]
    private static partial System.Text.RegularExpressions.Regex DictionaryName();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*[-*+][ \t]*[A-Za-z_][\w]{0,30}[ \t]*:[ \t]*\S")]
    private static partial System.Text.RegularExpressions.Regex FieldLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\bdata\s*(?:parallel|loaders?|collators?)\b|\bdistributed\b")]
    private static partial System.Text.RegularExpressions.Regex NotAboutData();
}

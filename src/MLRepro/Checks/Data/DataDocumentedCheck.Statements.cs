using System.Text.RegularExpressions;
using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Formats.Config;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>
/// Structure written in prose rather than as a table: the interface of text, graph and image data is usually a sentence
/// ("one training item per line", "each line describes a link in the following format: &lt;cited&gt; &lt;citing&gt;",
/// "train/test/val folders, each with a sub-folder per class"), not a column table. Such a sentence is what another
/// dataset must follow, so it documents the structure.
/// </summary>
public sealed partial class DataDocumentedCheck
{
    /// <summary>Sentences longer than this are tables or code dumps, not a statement about the data.</summary>
    private const int MaxStatementChars = 400;

    /// <summary>Documentation files about the project's process, never about its data.</summary>
    private static readonly string[] ProcessDocs = ["changelog", "contributing", "code_of_conduct", "security", "license", "licence", "history", "authors", "agents", "claude"];

    /// <summary>Config keys whose values name the data's columns (features, target, categorical columns…).</summary>
    private static readonly HashSet<string> ColumnKeys = new(StringComparer.Ordinal)
    {
        "target", "target_col", "target_column", "target_name", "label_col", "label_column", "label_name", "features", "feature_cols",
        "feature_columns", "feature_names", "columns", "cols", "numeric", "numerical", "numeric_features", "numerical_features", "num_features",
        "num_cols", "numeric_cols", "numerical_cols", "numeric_columns", "numerical_columns", "categorical", "categoric", "categorical_features",
        "cat_features", "cat_cols", "categorical_cols", "categorical_columns", "text_column", "text_col", "id_col", "id_column", "drop_columns",
        "to_drop", "date_column", "date_col", "ordinal", "nominal",
    };

    /// <summary>Sentences of the docs that state the data's format: line format, record fields, a class-per-folder layout, a record template.</summary>
    internal static IEnumerable<Evidence> FormatStatements(ProjectModel project)
    {
        foreach (var d in project.Docs)
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(d.Path).ToLowerInvariant();
            if (ConfigAnalysis.IsTestOrTooling(d.Path) || ProcessDocs.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var s in d.Sections)
            {
                var sentences = StatementBreak().Split(s.Text);
                for (var i = 0; i < sentences.Length; i++)
                {
                    var sentence = sentences[i].Trim();
                    if (sentence.Length == 0 || sentence.Length > MaxStatementChars)
                    {
                        continue;
                    }

                    var context = s.Heading + "\n" + (i > 0 ? sentences[i - 1] : string.Empty) + "\n" + sentence;
                    var note = Statement(sentence, context, s.Text);
                    if (note is not null)
                    {
                        yield return Evidence.At(d.Path, s.Line, $"{note}: \"{Clip(sentence)}\"");
                        break;
                    }
                }
            }

            if (ExampleRecord(project, d) is { } example)
            {
                yield return example;
            }

            if (NamedFields(project, d.Path) is { } named)
            {
                yield return named;
            }
        }
    }

    /// <summary>Non-empty prose lines above a code block searched for the sentence that introduces it.</summary>
    private const int IntroLines = 3;

    /// <summary>
    /// An example record introduced as the data's format: a code block holding a JSON-style object with at least two quoted keys
    /// (<c>{"instruction": …, "input": …, "output": …}</c>), right after a sentence that says it shows the format of the data
    /// ("The data format is … as follows"). The keys are the fields another dataset must have.
    /// </summary>
    private static Evidence? ExampleRecord(ProjectModel project, Formats.Markdown.MarkdownDocument d)
    {
        if (project.Text(d.Path) is not { } text)
        {
            return null;
        }

        foreach (var b in d.CodeBlocks.Where(b => b.Language is null or "" or "json" or "jsonl" or "json5" or "text" or "txt" or "javascript" or "js"))
        {
            var keys = QuotedKey().Matches(b.Text).Select(m => m.Groups["key"].Value).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count < 2 || !b.Text.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            var seen = 0;
            for (var line = b.Line - 1; line >= 1 && seen < IntroLines; line--)
            {
                var prose = text.GetLine(line).Trim();
                // The block's own opening fence (```json) is not prose.
                if (prose.Length == 0 || prose.Trim('-', '*', '`', ' ').Length == 0 || prose.StartsWith("```", StringComparison.Ordinal) || prose.StartsWith("~~~", StringComparison.Ordinal))
                {
                    continue;
                }

                seen++;
                if (FormatIntro().IsMatch(prose) && !OutputWord().IsMatch(prose))
                {
                    return Evidence.At(d.Path, b.Line, $"gives an example record of the data's format with its fields ({List(keys, 5)}): \"{Clip(prose)}\"");
                }

                // "For example, here are three turns of training data:", "Here's an example to illustrate:" under a "Chat Data"
                // heading: an example introduced in a passage about the data shows its records just as a format sentence does.
                // The nearest prose line decides; examples of requests, responses, configs or outputs are something else.
                if (seen == 1 && ExampleCue().IsMatch(prose) && !OutputWord().IsMatch(prose) && !NotDataExample().IsMatch(prose)
                    && (RecordDataWord().IsMatch(prose) || EnclosingHeadings(d, b.Line).Take(1).Any(h => RecordDataWord().IsMatch(h) && !NotDataExample().IsMatch(h))))
                {
                    return Evidence.At(d.Path, b.Line, $"gives an example record of the data with its fields ({List(keys, 5)}): \"{Clip(prose)}\"");
                }
            }
        }

        return null;
    }

    /// <summary>The headings of the sections that contain a line, innermost first (the innermost one decides).</summary>
    private static IEnumerable<string> EnclosingHeadings(Formats.Markdown.MarkdownDocument d, int line) =>
        d.Sections.Where(s => s.Line <= line && s.EndLine >= line).OrderByDescending(s => s.Level).Select(s => s.Heading);

    /// <summary>A line introducing an example: "for example", "e.g.:", "here is an example", "the following is", "例如", "以下是", "如下".</summary>
    [GeneratedRegex(@"(?i)\bfor\s+(?:example|instance)\b|\be\.\s?g\.?\s*[:：]|\b(?:an?|the)\s+example\b|\bexamples?\s*(?:below|[:：])|\bhere\s+(?:is|are)\b|\bhere's\b|\bthe\s+following\s+is\b|\blooks?\s+like\s*[:：]|例如|比如|以下是|如下|示例|样例")]
    private static partial Regex ExampleCue();

    /// <summary>Words saying the example is of the data: training data, a dataset, records, samples, a corpus, dialogues (数据, 样本, 语料).</summary>
    [GeneratedRegex(@"(?i)\b(?:data|dataset|datasets|training\s+(?:set|examples?|samples?)|records?|samples?|corpus|corpora|conversations?|dialogues?)\b|数据|样本|语料|对话")]
    private static partial Regex RecordDataWord();

    /// <summary>Examples of something other than the data: API requests and responses, configuration, commands, prompts to a deployed model.</summary>
    [GeneratedRegex(@"(?i)\b(?:api|requests?|responses?|endpoint|config(?:uration)?|settings?|parameters?|arguments?|commands?|deploy\w*|serv(?:e|er|ing)|inference|predict\w*|payload|curl)\b|请求|配置|参数|部署|推理")]
    private static partial Regex NotDataExample();

    /// <summary>
    /// A sentence of the Markdown source (outside fenced code) that names, as inline code, the column or field records of the
    /// data must have: "arrange the dataset into a csv file under a column called `text`", "you need to include a `messages`
    /// column", "your dataset should be a json in the format `instruction, input, output`". Inline code marks the exact name,
    /// which is what another dataset has to match; the parsed section text drops the backticks, so the raw lines are read.
    /// </summary>
    private static Evidence? NamedFields(ProjectModel project, string path)
    {
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || project.Text(path) is not { } text)
        {
            return null;
        }

        // Fenced blocks as the Markdown parser found them: from the opening fence to the closing one.
        var fences = project.Docs.FirstOrDefault(d => d.Path == path)?.CodeBlocks.Where(b => b.Fenced)
            .Select(b => (From: b.Line - 1, To: b.Line + b.Text.Count(c => c == '\n') + 1)).ToList() ?? [];
        for (var line = 1; line <= text.LineCount; line++)
        {
            var raw = text.GetLine(line);
            if (fences.Any(f => line >= f.From && line <= f.To))
            {
                continue;
            }

            foreach (var sentence in StatementBreak().Split(raw))
            {
                // The words around the names decide what the sentence is about: `instruction, input, output` names input fields.
                var prose = InlineCode().Replace(sentence, " ");
                if (sentence.Length <= MaxStatementChars && NamedField().Match(sentence) is { Success: true } m && DataFileWord().IsMatch(prose)
                    && !OutputWord().IsMatch(prose) && !CodeWord().IsMatch(prose))
                {
                    return Evidence.At(path, line, $"names the field records of the data must have ({m.Groups["name"].Value}): \"{Clip(sentence.Trim())}\"");
                }
            }
        }

        return null;
    }

    /// <summary>A column, field or key named as inline code: <c>column called `text`</c>, <c>`messages` column</c>, <c>format `a, b, c`</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?:columns?|fields?|keys?)\s+(?:called\s+|named\s+)?`{1,3}[""']?(?<name>[A-Za-z_][\w-]{0,40})[""']?`{1,3}|`{1,3}[""']?(?<name>[A-Za-z_][\w-]{0,40})[""']?`{1,3}\s+(?:columns?|fields?|keys?)\b|\bformat\s+`{1,3}(?<name>[A-Za-z_]\w{0,40}(?:\s*,\s*\w{1,40})+)`{1,3}")]
    private static partial Regex NamedField();

    /// <summary>An inline code span.</summary>
    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex InlineCode();

    /// <summary>The sentence is about a data file: the dataset, a CSV/JSON/TSV/Parquet file, training data.</summary>
    [GeneratedRegex(@"(?i)\b(?:data|dataset|datasets|csv|tsv|jsonl?|parquet|file|files|training)\b")]
    private static partial Regex DataFileWord();

    /// <summary>A quoted key of a JSON-style object: <c>"text":</c>, <c>'instruction':</c>.</summary>
    [GeneratedRegex(@"[""'](?<key>[A-Za-z_][\w-]{0,40})[""']\s*:")]
    private static partial Regex QuotedKey();

    /// <summary>
    /// A sentence introducing the data's format: "the data format is as follows", "format of the training data:", "each sample
    /// looks like", "数据格式如下".
    /// </summary>
    [GeneratedRegex(@"(?i)\b(?:data|dataset|datasets|input|inputs|training|records?|samples?|corpus)\b[^.\n]{0,30}?\bformat\b|\bformat\s+of\s+(?:the\s+|each\s+|a\s+|your\s+)?(?:\w+\s+)?(?:data|dataset|input|records?|samples?|examples?|lines?|files?)\b|\b(?:each|every|a)\s+(?:record|sample|example|entry|line|row|item)\s+(?:looks|should\s+look)\s+like\b|数据格式|格式如下")]
    private static partial Regex FormatIntro();

    private static string? Statement(string sentence, string context, string sectionText)
    {
        // "each line of the log" describes an output, not the data: a sentence about outputs counts only when it is also about the input.
        // A sentence about a function's contract ("should return a Series with each row …") describes code, not the data.
        var aboutOutput = OutputWord().IsMatch(sentence) && !InputWord().IsMatch(sentence);
        if (aboutOutput || CodeWord().IsMatch(sentence))
        {
            return null;
        }

        if (LineFormat().IsMatch(sentence) && DataWord().IsMatch(context))
        {
            return "states the data's line format";
        }

        if (RecordFields().IsMatch(sentence) && DataWord().IsMatch(context))
        {
            return "states the fields of each record";
        }

        if (ColumnCount().IsMatch(sentence) && DataWord().IsMatch(context))
        {
            return "states the columns of the data file";
        }

        if (ChineseLineFormat().IsMatch(sentence))
        {
            return "states the data's line format";
        }

        if (SeparatorFormat().IsMatch(sentence))
        {
            return "states how the samples are delimited";
        }

        if (AnnotationFormat().IsMatch(sentence))
        {
            return "names the standard annotation format the data follows";
        }

        if (ClassFolders().IsMatch(sentence) || ClassPathTemplate().IsMatch(sentence))
        {
            return "states the folder layout (a folder per class)";
        }

        if (ClassFileNames().IsMatch(sentence))
        {
            return "states how the class labels are encoded in the file names";
        }

        if (TemplateLine().IsMatch(sentence) && !TemplateLine().Match(sentence).Value.Split('<').Skip(1).Any(p => HtmlTag().IsMatch(p))
            && FormatWord().IsMatch(sectionText))
        {
            return "gives the record format";
        }

        return null;
    }

    private static string Clip(string s) => s.Length <= 120 ? s : s[..117] + "...";

    /// <summary>Config entries that name the data's columns: the schema is implicit in the configuration.</summary>
    internal static IEnumerable<Evidence> ConfigColumns(ProjectModel project)
    {
        foreach (var f in project.ConfigFiles.Where(f => !ConfigAnalysis.IsTestOrTooling(f.Path)))
        {
            var columns = f.Entries.Where(e => ColumnKeys.Contains(ConfigAnalysis.Leaf(e.KeyPath).ToLowerInvariant()) && IsColumnValue(e)).ToList();
            var names = columns.SelectMany(e => e.Items ?? [e.Value!]).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count >= 2)
            {
                yield return Evidence.At(f.Path, columns[0].Line, $"names {Count(names.Count, "column")} ({List(names, 4)}) in configuration: the schema is implicit there, not documented");
            }
        }
    }

    private static bool IsColumnValue(ConfigEntry e) => e.Kind switch
    {
        ConfigValueKind.String => e.Value is { } v && ColumnName().IsMatch(v),
        ConfigValueKind.List => e.Items is { Count: > 0 } items && items.All(i => ColumnName().IsMatch(i)),
        _ => false,
    };

    /// <summary>Committed or tracked data files the code reads: their structure can be seen in the files and the code, though nothing writes it down.</summary>
    internal static IEnumerable<Evidence> CommittedInputs(ProjectModel project) =>
        project.Data.InputReads.Where(r => r.Status is DataPathStatus.Committed or DataPathStatus.Tracked && r.Literal is not null && !DataAnalysis.IsConfigOrCode(r.Literal))
            .DistinctBy(r => r.Literal, StringComparer.Ordinal).Take(3)
            .Select(r => Evidence.At(r.Path, r.Line, $"reads the committed data {r.Literal}: its structure is only implicit in the files and this code", $"{r.Function}({r.Argument})"));

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n")]
    private static partial Regex StatementBreak();

    [GeneratedRegex(@"(?i)\b(?:each|every)\s+(?:line|row)\b(?:\s+(?:of|in)\s+(?:the\s+|this\s+|a\s+)?[\w.\-/]+(?:\s+file)?)?\s+(?:is|contains|containing|describes|holds|holding|represents|has|having|corresponds|should|must|gives|lists|consists|stands|indicates|denotes|specifies|encodes)\b|\b(?:one|a single)\s+(?:[\w-]+\s+){0,3}?per\s+(?:line|row)\b|\bone\s+(?:line|row)\s+(?:for|per)\s+(?:one|each|every)\s+\w+|\b(?:new)?line[- ](?:delimited|separated)\b")]
    private static partial Regex LineFormat();

    [GeneratedRegex(@"(?i)\b(?:each|every)\s+(?:record|example|entry|item|sample|row|object|instance|data\s?point)\b[^.\n]{0,60}?\b(?:fields?|keys?|columns?|attributes|properties)\b|\b(?:list|array)\s+of\s+(?:dicts?|dictionaries|objects|records|json\s+objects)\s+with\b[^.\n]{0,30}?\b(?:fields?|keys|columns|attributes)\b")]
    private static partial Regex RecordFields();

    /// <summary>
    /// A tabular file's column count stated as its format: "the target vector is a csv with two columns and headers", "csv files
    /// (2-column: pair data; 3-column: pair plus a hard negative)". With the meaning of each column that follows, this is the
    /// interface another dataset must follow.
    /// </summary>
    [GeneratedRegex(@"(?i)\b(?:csv|tsv|txt|text|file)s?\b[^.\n]{0,25}?\bwith\s+(?:two|three|four|five|six|\d{1,2})\s+columns\b|\b(?:csv|tsv)\b[^.\n:]{0,20}?\b(?:two|three|four|five|\d)[- ]columns?\b")]
    private static partial Regex ColumnCount();

    /// <summary>
    /// The same statement in a Chinese README: "每一行的数据格式如下" (the format of each line is as follows), "每条样本包含…字段"
    /// (each sample holds the fields …), with a data word (数据 data, 样本 sample, a file format) in the sentence.
    /// </summary>
    [GeneratedRegex(@"(?:每一?行|每一?条(?:数据|样本|记录)?|每个样本)[^。\n]{0,12}?(?:格式|字段|包含|由)(?=[^\n]*(?:数据|样本|jsonl|json|csv|tsv|txt))|(?:数据|样本|jsonl|json|csv|tsv|txt)[^。\n]{0,20}?(?:每一?行|每一?条)[^。\n]{0,12}?(?:格式|字段|包含|由)")]
    private static partial Regex ChineseLineFormat();

    /// <summary>
    /// A plain-text corpus's record separator: "separate each sample with 2 blank lines", "examples are separated by an empty
    /// line" (the interface of raw-text fine-tuning data, as "one item per line" is of line data).
    /// </summary>
    [GeneratedRegex(@"(?i)\b(?:samples?|examples?|records?|entries|documents?|items?|conversations?|dialogues?|passages?|prompts?)\b[^.\n]{0,30}?\b(?:are|is)?\s*(?:separated|delimited|split)\s+(?:by|with)\s+(?:a\s+|an\s+|one\s+|two\s+|three\s+|double\s+|triple\s+|\d\s+)?(?:blank|empty|new)[ -]?lines?\b|\bseparat(?:e|ing)\s+(?:each|every|the|your)\s+(?:training\s+)?(?:samples?|examples?|records?|entries|documents?|items?|conversations?)\s+(?:with|by)\s+(?:a\s+|an\s+|one\s+|two\s+|three\s+|double\s+|triple\s+|\d\s+)?(?:blank|empty|new)[ -]?lines?\b")]
    private static partial Regex SeparatorFormat();

    [GeneratedRegex(@"(?i)\b(?:sub-?folders?|sub-?directories|sub-?dirs?|folders?|directories)\b[^.\n]{0,30}?\b(?:for|per)\s+(?:each\s+|every\s+)?(?:[\w-]+\s+)?(?:class|classes|category|categories|label|labels)\b|\b(?:folder|directory|sub-?folder|sub-?directory)\s+names?\s+(?:are|is|serve\s+as|gives?|as)\s+(?:the\s+)?(?:class|label|categor)|\b(?:folders?|directories)\s+named\s+(?:after|by)\s+(?:the\s+|their\s+|its\s+)?(?:class|label|categor)")]
    private static partial Regex ClassFolders();

    /// <summary>
    /// Class labels carried by the file names of an image or audio folder, the other common layout besides a folder per class:
    /// "name the files like "mylabel1_XXX.jpg"", "the filenames should all start with WNID (class ids) followed by underscores",
    /// "the label is taken from the file name prefix". Another dataset follows it by naming its files that way.
    /// </summary>
    [GeneratedRegex(@"(?i)\bname\s+(?:the|your|each|all)\s+(?:\w+\s+)?files?\s+(?:like|as)\b[^.\n]{0,40}?[\w-]+_[\w-]*\.(?:png|jpe?g|bmp|gif|tiff?|webp|wav|flac|mp3|npy|txt)\b|\bfile\s?names?\b[^.\n]{0,30}?\b(?:start|begin)s?\s+with\b[^.\n]{0,40}?\b(?:class(?:es)?|labels?|categor(?:y|ies))\b|\b(?:class(?:es)?|labels?|categor(?:y|ies))\b[^.\n]{0,30}?\b(?:taken|inferred|derived|parsed|read|extracted)\s+from\s+(?:the\s+|each\s+)?file\s?names?\b")]
    private static partial Regex ClassFileNames();

    /// <summary>
    /// A path template with a class folder ("./path/label/xxx.png", "root/&lt;class_name&gt;/img.jpg", "data/train/{class}/*.wav"), or
    /// torchvision's ImageFolder convention named as the layout: one sub-folder per class.
    /// </summary>
    [GeneratedRegex(@"(?i)[\w.~]*/(?:train/|val/|test/)?[<{\[]?(?:label|labels|class|classes|class_?name|class_?id|category|categories|cls)[>}\]]?/[\w<>{}*.-]*\.(?:png|jpe?g|bmp|gif|tiff?|webp|wav|flac|mp3|txt|npy)\b|\bImageFolder\b[^.\n]{0,40}?\b(?:conven|format|structure|layout|style)")]
    private static partial Regex ClassPathTemplate();

    /// <summary>
    /// Annotations stated to follow a published annotation format ("the train annotations in VOC format", "labels in YOLO
    /// format", "COCO-style JSON annotations"): the format's specification is the schema. Naming a dataset is not this.
    /// </summary>
    [GeneratedRegex(@"(?i)\b(?:annotations?|labels?|masks?|bounding\s+boxes|boxes)\b[^.\n]{0,40}?\b(?:in|as|using|follows?|following)\s+(?:the\s+)?(?:Pascal\s+)?(?:VOC|COCO|YOLO|KITTI|LabelMe|CVAT|MOT)\b(?:\s*[-/]?\s*(?:XML|JSON|txt))?[- ](?:format|style)\b|\b(?:Pascal\s+)?(?:VOC|COCO|YOLO|KITTI|LabelMe)[- ](?:format|style)(?:ted)?\s+(?:XML\s+|JSON\s+|txt\s+)?(?:annotations?|labels?)\b")]
    private static partial Regex AnnotationFormat();

    /// <summary>A line made of two or more placeholders: "&lt;paper_id&gt; &lt;word_attributes&gt;+ &lt;class_label&gt;".</summary>
    [GeneratedRegex(@"^\s*(?:<[A-Za-z][^<>\n]{0,40}>[+*?]?[\s,;|:\t]*){2,}$")]
    private static partial Regex TemplateLine();

    [GeneratedRegex(@"(?i)^/?(?:br|hr|p|div|img|a|b|i|em|strong|span|sub|sup|details|summary|center|table|tr|td|th|ul|ol|li|code|pre|h\d|font|kbd|video|source|picture|small|tt|u|s)\b")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?i)\b(?:format|formatted|line|lines|columns?|fields?)\b")]
    private static partial Regex FormatWord();

    [GeneratedRegex(@"(?i)\b(?:data|dataset|datasets|input|inputs|file|files|corpus|training|train|samples?|examples?|records?|text|txt|csv|tsv|jsonl?|images?|documents?)\b")]
    private static partial Regex DataWord();

    [GeneratedRegex(@"(?i)\b(?:output|outputs|log|logs|logging|logged|predictions?|submissions?|results?|metrics?|prints?|printed)\b")]
    private static partial Regex OutputWord();

    [GeneratedRegex(@"(?i)\b(?:returns?|function|method|parameters?|arguments?)\b")]
    private static partial Regex CodeWord();

    [GeneratedRegex(@"(?i)\b(?:input|inputs|training|train|dataset|datasets|data)\b")]
    private static partial Regex InputWord();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_ .\-]{0,63}$")]
    private static partial Regex ColumnName();
}

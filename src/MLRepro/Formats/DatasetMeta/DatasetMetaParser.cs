using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using MLRepro.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Formats.DatasetMeta;

/// <summary>
/// Reads dataset schemas from datapackage.json, Croissant, *.schema.json, Great Expectations suites, pandera
/// code (light textual scan) and documentation (card features, column tables, data READMEs). Never throws on content.
/// </summary>
public static partial class DatasetMetaParser
{
    /// <summary>Deepest JSON nesting read.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Most fields kept per schema.</summary>
    public const int MaxFields = 5_000;

    /// <summary>Most schemas kept per file.</summary>
    public const int MaxSchemas = 500;

    /// <summary>Bytes of a .json file inspected to decide whether it is Croissant.</summary>
    public const int SniffChars = 4_096;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly HashSet<string> NameHeaders = new(StringComparer.Ordinal) { "name", "column", "column name", "columns", "field", "field name", "feature", "features", "variable", "attribute", "key", "col", "property" };
    private static readonly HashSet<string> TypeHeaders = new(StringComparer.Ordinal) { "type", "dtype", "data type", "datatype", "format", "kind" };
    private static readonly HashSet<string> DescriptionHeaders = new(StringComparer.Ordinal) { "description", "meaning", "definition", "explanation", "details", "notes", "comment", "desc" };

    /// <summary>Whether a path is one this parser reads on its own (JSON metadata or pandera code).</summary>
    public static bool IsCandidate(string path, Func<string>? head = null)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name is "datapackage.json" || name.EndsWith(".schema.json", StringComparison.Ordinal))
        {
            return true;
        }

        if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonld", StringComparison.Ordinal))
        {
            if (IsExpectationsPath(path))
            {
                return true;
            }

            var h = head?.Invoke();
            return h is not null && h.Contains("croissant", StringComparison.OrdinalIgnoreCase);
        }

        // schema.yaml / data_schema.yml: a mapping of column names to dtypes (COLUMNS: {age: int64, …}).
        if ((name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)) && name.Contains("schema", StringComparison.Ordinal))
        {
            return true;
        }

        return name.EndsWith(".py", StringComparison.Ordinal) && head?.Invoke() is { } t
            && (t.Contains("pandera", StringComparison.Ordinal) || t.Contains("expect_table_columns_to_match", StringComparison.Ordinal));
    }

    /// <summary>Parses a metadata file by its name and content.</summary>
    public static DatasetMetaDocument Parse(SourceText source)
    {
        var name = source.Path[(source.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var diagnostics = new List<Diagnostic>();
        var schemas = new List<DatasetSchema>();
        if (name.EndsWith(".py", StringComparison.Ordinal))
        {
            schemas.AddRange(ScanPandera(source));
            schemas.AddRange(ScanLegacyExpectations(source));
            return Done();
        }

        if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
        {
            schemas.AddRange(ScanYamlSchema(source));
            return Done();
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(source.Text, JsonOptions);
        }
        catch (JsonException e)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), DiagnosticSeverity.Error, "json.syntax", $"invalid JSON: {FirstSentence(e.Message)}"));
            return Done();
        }
        catch (ArgumentException)
        {
            // Lone UTF-16 surrogates cannot be transcoded to UTF-8 for the JSON reader.
            diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Error, "json.encoding", "JSON text contains unpaired surrogate characters; not read"));
            return Done();
        }

        using (json)
        {
            var root = json.RootElement;
            var locator = new Locator(source);
            if (name == "datapackage.json")
            {
                ReadDataPackage(root, source, locator, schemas, diagnostics);
            }
            else if (IsCroissant(root))
            {
                ReadCroissant(root, source, locator, schemas);
            }
            else if (name.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                ReadJsonSchema(root, source, locator, schemas);
            }
            else if (IsExpectationsPath(source.Path))
            {
                ReadExpectations(root, source, locator, schemas);
            }
        }

        return Done();

        DatasetMetaDocument Done() => new(source.Path, [.. schemas.Take(MaxSchemas)], [.. diagnostics]);
    }

    /// <summary>Schemas documented in a Markdown file: card features, column tables and (in data READMEs or data sections) "name (type): description" items.</summary>
    public static ImmutableArray<DatasetSchema> FromDocument(MarkdownDocument doc)
    {
        var result = ImmutableArray.CreateBuilder<DatasetSchema>();
        if (doc.FrontMatter is { } fm)
        {
            foreach (var c in fm.Configs.Where(c => !c.Features.IsEmpty))
            {
                result.Add(new DatasetSchema(SchemaSourceKind.DatasetCard, doc.Path, c.Line, c.Name, [.. c.Features.Take(MaxFields).Select(f => new DatasetField(f.Name, f.Dtype, null, f.Line))]));
            }
        }

        var dataReadme = IsDataReadme(doc.Path);
        foreach (var t in doc.Tables)
        {
            var header = t.Header.Select(NormalizeHeader).ToList();
            var nameCol = header.FindIndex(NameHeaders.Contains);
            var typeCol = header.FindIndex(TypeHeaders.Contains);
            var descCol = header.FindIndex(DescriptionHeaders.Contains);
            if (nameCol < 0 || (typeCol < 0 && descCol < 0) || t.Rows.IsEmpty)
            {
                continue;
            }

            // "Name | Type | Description" also documents CLI flags and APIs: outside data READMEs, the table must
            // sit under a data heading or name its rows as columns, fields or features.
            if (!dataReadme && !DataHeading().IsMatch(t.Section) && header[nameCol] is "name" or "key" or "property")
            {
                continue;
            }

            // "Field | Value | Explanation" fills in settings (an installer's form, a config's options), it describes no data:
            // a table with a value, default or setting column lists settings, not columns.
            if (!dataReadme && !DataHeading().IsMatch(t.Section) && header.Any(h => h is "value" or "values" or "default" or "default value" or "setting" or "settings"))
            {
                continue;
            }

            var fields = t.Rows.Where(r => nameCol < r.Length && r[nameCol].Length > 0).Take(MaxFields).Select(r => new DatasetField(
                r[nameCol], typeCol >= 0 && typeCol < r.Length && r[typeCol].Length > 0 ? r[typeCol] : null,
                descCol >= 0 && descCol < r.Length && r[descCol].Length > 0 ? r[descCol] : null, null)).ToImmutableArray();
            // Rows have no line of their own in the table model: number them from the header (+2 for the delimiter row).
            fields = [.. fields.Select((f, i) => f with { Line = t.Line + 2 + i })];
            result.Add(new DatasetSchema(dataReadme ? SchemaSourceKind.DataReadme : SchemaSourceKind.MarkdownTable, doc.Path, t.Line, t.Section.Length > 0 ? t.Section : null, fields));
        }

        foreach (var s in doc.Sections)
        {
            if (!dataReadme && !DataHeading().IsMatch(s.Heading))
            {
                continue;
            }

            var fields = new List<DatasetField>();
            foreach (var line in s.Text.Split('\n'))
            {
                var m = FieldItem().Match(line);
                if (!m.Success)
                {
                    // "- `instruction`: `str`, what the task is" — the type right after the colon, then a description.
                    m = FieldItemCodeType().Match(line);
                }

                if (m.Success && fields.Count < MaxFields)
                {
                    fields.Add(new DatasetField(m.Groups["name"].Value.Trim(), m.Groups["type"].Value.Trim(), m.Groups["desc"].Value.Trim(), null));
                }
            }

            if (fields.Count >= 2)
            {
                result.Add(new DatasetSchema(dataReadme ? SchemaSourceKind.DataReadme : SchemaSourceKind.MarkdownTable, doc.Path, s.Line, s.Heading.Length > 0 ? s.Heading : null, [.. fields]));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Whether a path is a README inside a data folder (data/README.md, datasets/x/README.md).</summary>
    public static bool IsDataReadme(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 2 && parts[^1].StartsWith("readme", StringComparison.OrdinalIgnoreCase)
            && parts[..^1].Any(p => p.ToLowerInvariant() is "data" or "dataset" or "datasets" or "raw" or "processed");
    }

    private static bool IsExpectationsPath(string path) =>
        path.Split('/')[..^1].Any(p => p is "expectations" or "great_expectations" or "gx");

    private static bool IsCroissant(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("@context", out var ctx) && ctx.GetRawText().Contains("croissant", StringComparison.OrdinalIgnoreCase);

    private static void ReadDataPackage(JsonElement root, SourceText source, Locator loc, List<DatasetSchema> schemas, List<Diagnostic> diagnostics)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "datapackage.no-resources", "datapackage.json without a resources array"));
            return;
        }

        foreach (var r in resources.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object || schemas.Count >= MaxSchemas)
            {
                continue;
            }

            var name = Str(r, "name") ?? Str(r, "path");
            var line = loc.Find(name) ?? 1;
            var fields = new List<DatasetField>();
            if (r.TryGetProperty("schema", out var schema))
            {
                if (schema.ValueKind == JsonValueKind.String)
                {
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Info, "datapackage.external-schema", $"resource '{name}' refers to the schema file '{schema.GetString()}'"));
                }
                else if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("fields", out var fs) && fs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var f in fs.EnumerateArray().Take(MaxFields))
                    {
                        if (Str(f, "name") is { } fname)
                        {
                            fields.Add(new DatasetField(fname, Str(f, "type"), Str(f, "description") ?? Str(f, "title"), loc.Find(fname)));
                        }
                    }
                }
            }

            schemas.Add(new DatasetSchema(SchemaSourceKind.DataPackage, source.Path, line, name, [.. fields]));
        }
    }

    private static void ReadCroissant(JsonElement root, SourceText source, Locator loc, List<DatasetSchema> schemas)
    {
        if (!root.TryGetProperty("recordSet", out var sets))
        {
            return;
        }

        foreach (var rs in sets.ValueKind == JsonValueKind.Array ? sets.EnumerateArray() : Enumerable.Repeat(sets, 1))
        {
            if (rs.ValueKind != JsonValueKind.Object || schemas.Count >= MaxSchemas)
            {
                continue;
            }

            var name = Str(rs, "name") ?? Str(rs, "@id");
            var line = loc.Find(name) ?? 1;
            var fields = new List<DatasetField>();
            if (rs.TryGetProperty("field", out var fs))
            {
                foreach (var f in fs.ValueKind == JsonValueKind.Array ? fs.EnumerateArray() : Enumerable.Repeat(fs, 1))
                {
                    AddCroissantField(f, null, loc, fields, 0);
                }
            }

            schemas.Add(new DatasetSchema(SchemaSourceKind.Croissant, source.Path, line, name, [.. fields]));
        }
    }

    private static void AddCroissantField(JsonElement f, string? prefix, Locator loc, List<DatasetField> fields, int depth)
    {
        if (f.ValueKind != JsonValueKind.Object || fields.Count >= MaxFields || depth > 8)
        {
            return;
        }

        var name = Str(f, "name") ?? Str(f, "@id");
        if (name is null)
        {
            return;
        }

        // Croissant field ids are often "recordset/field": keep the field's own name.
        var shortName = Str(f, "name") is null && name.Contains('/') ? name[(name.LastIndexOf('/') + 1)..] : name;
        var full = prefix is null ? shortName : prefix + "." + shortName;
        string? type = null;
        if (f.TryGetProperty("dataType", out var dt))
        {
            type = dt.ValueKind switch
            {
                JsonValueKind.String => dt.GetString(),
                JsonValueKind.Array => string.Join(", ", dt.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())),
                _ => null,
            };
        }

        fields.Add(new DatasetField(full, type, Str(f, "description"), loc.Find(name)));
        if (f.TryGetProperty("subField", out var sub))
        {
            foreach (var s in sub.ValueKind == JsonValueKind.Array ? sub.EnumerateArray() : Enumerable.Repeat(sub, 1))
            {
                AddCroissantField(s, full, loc, fields, depth + 1);
            }
        }
    }

    private static void ReadJsonSchema(JsonElement root, SourceText source, Locator loc, List<DatasetSchema> schemas)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var target = root;
        if (Str(root, "type") == "array" && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            target = items;
        }

        if (!target.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var fields = new List<DatasetField>();
        foreach (var p in props.EnumerateObject().Take(MaxFields))
        {
            string? type = null;
            string? description = null;
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                type = p.Value.TryGetProperty("type", out var t)
                    ? t.ValueKind == JsonValueKind.Array ? string.Join("|", t.EnumerateArray().Select(x => x.ToString())) : t.ToString()
                    : Str(p.Value, "$ref") ?? Str(p.Value, "format");
                description = Str(p.Value, "description") ?? Str(p.Value, "title");
            }

            fields.Add(new DatasetField(p.Name, type, description, loc.Find(p.Name)));
        }

        schemas.Add(new DatasetSchema(SchemaSourceKind.JsonSchema, source.Path, 1, Str(root, "title"), [.. fields]));
    }

    private static void ReadExpectations(JsonElement root, SourceText source, Locator loc, List<DatasetSchema> schemas)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("expectations", out var exps) || exps.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var order = new List<string>();
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        void AddColumn(string c, string? type)
        {
            if (!types.ContainsKey(c))
            {
                order.Add(c);
                types[c] = type;
            }
            else if (type is not null)
            {
                types[c] = type;
            }
        }

        foreach (var e in exps.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || order.Count >= MaxFields)
            {
                continue;
            }

            var kind = Str(e, "expectation_type") ?? Str(e, "type") ?? string.Empty;
            if (!e.TryGetProperty("kwargs", out var kw) || kw.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (Str(kw, "column") is { } col)
            {
                var type = kind.Contains("to_be_of_type", StringComparison.Ordinal) ? Str(kw, "type_")
                    : kind.Contains("in_type_list", StringComparison.Ordinal) && kw.TryGetProperty("type_list", out var tl) && tl.ValueKind == JsonValueKind.Array
                        ? string.Join("|", tl.EnumerateArray().Select(x => x.ToString())) : null;
                AddColumn(col, type);
            }

            foreach (var listKey in new[] { "column_list", "column_set" })
            {
                if (kw.TryGetProperty(listKey, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var c in list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String))
                    {
                        AddColumn(c.GetString()!, null);
                    }
                }
            }
        }

        if (order.Count > 0)
        {
            var name = Str(root, "expectation_suite_name") ?? Str(root, "name");
            schemas.Add(new DatasetSchema(SchemaSourceKind.GreatExpectations, source.Path, loc.Find(name) ?? 1, name, [.. order.Select(c => new DatasetField(c, types[c], null, loc.Find(c)))]));
        }
    }

    /// <summary>
    /// Legacy (pre-1.0) Great Expectations calls in code: <c>df.expect_table_columns_to_match_ordered_list(column_list=[...])</c>
    /// or <c>..._match_set(column_set=[...])</c>, the list written inline or assigned just before; types come from
    /// <c>expect_column_values_to_be_of_type(column="x", type_="str")</c> in the same file.
    /// </summary>
    internal static List<DatasetSchema> ScanLegacyExpectations(SourceText source)
    {
        var schemas = new List<DatasetSchema>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match t in GeColumnType().Matches(source.Text))
        {
            types.TryAdd(t.Groups["col"].Value, t.Groups["type"].Value);
        }

        for (var line = 1; line <= source.LineCount && schemas.Count < MaxSchemas; line++)
        {
            var text = source.GetLine(line);
            var m = GeTableColumns().Match(text);
            if (!m.Success)
            {
                continue;
            }

            var list = m.Groups["list"].Success ? m.Groups["list"].Value : null;
            if (list is null && m.Groups["var"].Success)
            {
                // column_list=column_list: the list assigned a few lines above.
                for (var l = line; l >= Math.Max(1, line - 20) && list is null; l--)
                {
                    var a = GeListAssignment().Match(source.GetLine(l));
                    if (a.Success && a.Groups["var"].Value == m.Groups["var"].Value)
                    {
                        list = a.Groups["list"].Value;
                    }
                }
            }

            if (list is null)
            {
                continue;
            }

            var fields = QuotedItem().Matches(list).Take(MaxFields)
                .Select(q => new DatasetField(q.Groups[1].Value, types.GetValueOrDefault(q.Groups[1].Value), null, line)).ToList();
            if (fields.Count > 0)
            {
                schemas.Add(new DatasetSchema(SchemaSourceKind.GreatExpectations, source.Path, line, null, [.. fields]));
            }
        }

        return schemas;
    }

    /// <summary>
    /// Light scan of a YAML schema file: indented <c>column name: dtype</c> lines (pandas/numpy/SQL type names), each
    /// run of them under one parent key is one schema. Two typed columns at least, so a config that merely sits in a
    /// file named schema is not taken for one.
    /// </summary>
    internal static List<DatasetSchema> ScanYamlSchema(SourceText source)
    {
        var schemas = new List<DatasetSchema>();
        List<DatasetField>? current = null;
        var start = 0;
        string? parent = null;
        for (var line = 1; line <= source.LineCount + 1 && schemas.Count < MaxSchemas; line++)
        {
            var text = line <= source.LineCount ? source.GetLine(line) : string.Empty;
            var m = YamlTypedColumn().Match(text);
            if (m.Success && line <= source.LineCount)
            {
                if (current is null)
                {
                    current = [];
                    start = line;
                }

                if (current.Count < MaxFields)
                {
                    current.Add(new DatasetField(m.Groups["name"].Value.Trim().Trim('"', '\''), m.Groups["type"].Value, null, line));
                }

                continue;
            }

            if (text.Trim().Length == 0 && line <= source.LineCount)
            {
                continue;
            }

            if (current is { Count: >= 2 })
            {
                schemas.Add(new DatasetSchema(SchemaSourceKind.SchemaFile, source.Path, start, parent, [.. current]));
            }

            current = null;
            if (YamlParentKey().Match(text) is { Success: true } k)
            {
                parent = k.Groups[1].Value;
            }
        }

        return schemas;
    }

    [GeneratedRegex(@"^\s+(?<name>[^:#\s][^:#]{0,80}?)\s*:\s*[""']?(?<type>(?:u?int|float|complex)(?:8|16|32|64)?|object|str|string|bool|boolean|category|categorical|datetime(?:64(?:\[\w+\])?)?|date|timestamp|timedelta|numeric|text|varchar|integer|double|decimal)[""']?\s*(?:#.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex YamlTypedColumn();

    [GeneratedRegex(@"^(\w[\w .-]{0,60}):\s*$")]
    private static partial Regex YamlParentKey();

    [GeneratedRegex(@"expect_table_columns_to_match_(?:ordered_list|set)\(\s*(?:column_(?:list|set)\s*=\s*)?(?:\[(?<list>[^\]]*)\]|(?<var>[A-Za-z_]\w*))")]
    private static partial Regex GeTableColumns();

    [GeneratedRegex(@"^\s*(?<var>[A-Za-z_]\w*)\s*=\s*\[(?<list>[^\]]*)\]")]
    private static partial Regex GeListAssignment();

    [GeneratedRegex(@"expect_column_values_to_be_(?:of_type|in_type_list)\(\s*column\s*=\s*[""'](?<col>[^""']+)[""']\s*,\s*type_(?:list)?\s*=\s*\[?\s*[""'](?<type>[^""']+)[""']")]
    private static partial Regex GeColumnType();

    [GeneratedRegex(@"[""']([^""']{1,100})[""']")]
    private static partial Regex QuotedItem();

    /// <summary>Light scan of pandera schemas: <c>DataFrameSchema({"col": Column(type, …)})</c> and <c>class X(DataFrameModel)</c> with <c>col: Series[type]</c>.</summary>
    internal static List<DatasetSchema> ScanPandera(SourceText source)
    {
        var schemas = new List<DatasetSchema>();
        for (var line = 1; line <= source.LineCount && schemas.Count < MaxSchemas; line++)
        {
            var text = source.GetLine(line);
            var schemaStart = PanderaSchema().Match(text);
            if (schemaStart.Success)
            {
                var name = schemaStart.Groups["var"].Success ? schemaStart.Groups["var"].Value : null;
                var fields = new List<DatasetField>();
                var depth = 0;
                var l = line;
                var first = true;
                while (l <= source.LineCount && fields.Count < MaxFields)
                {
                    var t = first ? text[schemaStart.Index..] : source.GetLine(l);
                    first = false;
                    foreach (Match c in PanderaColumn().Matches(t))
                    {
                        fields.Add(new DatasetField(c.Groups["name"].Value, c.Groups["type"].Success && c.Groups["type"].Value.Length > 0 ? c.Groups["type"].Value : null, null, l));
                    }

                    depth += Balance(t);
                    if (depth <= 0)
                    {
                        break;
                    }

                    l++;
                }

                schemas.Add(new DatasetSchema(SchemaSourceKind.Pandera, source.Path, line, name, [.. fields]));
                line = l;
                continue;
            }

            var model = PanderaModel().Match(text);
            if (model.Success)
            {
                var fields = new List<DatasetField>();
                var l = line + 1;
                for (; l <= source.LineCount; l++)
                {
                    var t = source.GetLine(l);
                    if (t.Trim().Length == 0 || t.TrimStart().StartsWith('#'))
                    {
                        continue;
                    }

                    if (!char.IsWhiteSpace(t[0]))
                    {
                        break;
                    }

                    var f = PanderaAnnotation().Match(t);
                    if (f.Success && fields.Count < MaxFields)
                    {
                        fields.Add(new DatasetField(f.Groups["name"].Value, f.Groups["type"].Value.Trim(), null, l));
                    }
                }

                schemas.Add(new DatasetSchema(SchemaSourceKind.Pandera, source.Path, line, model.Groups["name"].Value, [.. fields]));
                line = l - 1;
            }
        }

        return schemas;
    }

    private static int Balance(string line)
    {
        var depth = 0;
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#':
                    return depth;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return depth;
    }

    private static string NormalizeHeader(string h) => Regex.Replace(h.ToLowerInvariant(), @"[^a-z ]", string.Empty).Trim();

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..(i + 1)] : message;
    }

    /// <summary>Finds the line of a quoted JSON string, searching forward from the last hit so repeated names map in order.</summary>
    private sealed class Locator(SourceText source)
    {
        private int _cursor;

        public int? Find(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            var needle = "\"" + JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";
            var i = source.Text.IndexOf(needle, _cursor, StringComparison.Ordinal);
            if (i < 0)
            {
                i = source.Text.IndexOf(needle, StringComparison.Ordinal);
            }

            if (i < 0)
            {
                return null;
            }

            _cursor = i + needle.Length;
            return source.GetPosition(i).Line;
        }
    }

    [GeneratedRegex(@"(?:(?<var>[A-Za-z_]\w*)\s*=\s*)?\b(?:pa|pandera)\.DataFrameSchema\s*\(")]
    private static partial Regex PanderaSchema();

    [GeneratedRegex(@"['""](?<name>[^'""]{1,100})['""]\s*:\s*(?:pa\.|pandera\.)?Column\s*\(\s*(?<type>[\w.]+(?:\[[\w.]+\])?)?")]
    private static partial Regex PanderaColumn();

    [GeneratedRegex(@"^\s*class\s+(?<name>\w+)\s*\(\s*(?:pa\.|pandera\.)?(?:DataFrameModel|SchemaModel)\s*\)")]
    private static partial Regex PanderaModel();

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z_]\w*)\s*:\s*(?:pa\.typing\.|pat\.|pandera\.typing\.)?Series\[(?<type>[^\]]{1,60})\]")]
    private static partial Regex PanderaAnnotation();

    [GeneratedRegex(@"(?i)\b(data|dataset|datasets|schema|columns?|features?|fields?|format)\b")]
    private static partial Regex DataHeading();

    [GeneratedRegex(@"^\W{0,3}(?<name>[A-Za-z_][\w.\-]{0,60})\W{0,2}\s*\((?<type>[\w\[\], .<>|]{1,40})\)\s*[:—–-]\s*(?<desc>.+)$")]
    private static partial Regex FieldItem();

    // Section text is rendered: list markers and code backticks are gone ("instruction: str, describes the task").
    [GeneratedRegex(@"^\W{0,3}(?<name>[A-Za-z_][\w.\-]{0,60})\W{0,2}\s*:\s*`?(?<type>(?:str|string|int|integer|float|double|bool|boolean|list|dict|array|object|number|datetime|date|bytes|tensor|ndarray)(?:\[[\w\[\], .|]{1,40}\])?)`?\s*[,;:—–-]\s*(?<desc>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldItemCodeType();
}

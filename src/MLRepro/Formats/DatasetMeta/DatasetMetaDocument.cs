using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.DatasetMeta;

/// <summary>Where a dataset schema was written down.</summary>
public enum SchemaSourceKind
{
    /// <summary>Frictionless datapackage.json (resources[].schema.fields).</summary>
    DataPackage,
    /// <summary>MLCommons Croissant JSON-LD (recordSet[].field).</summary>
    Croissant,
    /// <summary>A *.schema.json JSON Schema (properties).</summary>
    JsonSchema,
    /// <summary>A Hugging Face dataset card's dataset_info.features.</summary>
    DatasetCard,
    /// <summary>A pandera DataFrameSchema or DataFrameModel (light textual scan).</summary>
    Pandera,
    /// <summary>A Great Expectations suite (expect_column_* kwargs.column).</summary>
    GreatExpectations,
    /// <summary>A column table (name + type/description) in documentation.</summary>
    MarkdownTable,
    /// <summary>A data README (data/README.md) listing fields as a table or as "name (type): description" items.</summary>
    DataReadme,
    /// <summary>A YAML schema file (schema.yaml) mapping column names to dtypes.</summary>
    SchemaFile,
}

/// <summary>One field (column, feature) of a dataset schema.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Type as written, when given.</param>
/// <param name="Description">Description, when given.</param>
/// <param name="Line">1-based line, when known.</param>
public sealed record DatasetField(string Name, string? Type, string? Description, int? Line);

/// <summary>A documented dataset structure.</summary>
/// <param name="Kind">Kind of source.</param>
/// <param name="Source">File it came from.</param>
/// <param name="Line">1-based line where it starts.</param>
/// <param name="Name">Resource, record set, config or section name, when any.</param>
/// <param name="Fields">Fields in order.</param>
public sealed record DatasetSchema(SchemaSourceKind Kind, string Source, int Line, string? Name, ImmutableArray<DatasetField> Fields);

/// <summary>The dataset schemas of one file.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Schemas">Schemas found (several for multi-resource packages or suites).</param>
/// <param name="Diagnostics">Problems met.</param>
public sealed record DatasetMetaDocument(string Path, ImmutableArray<DatasetSchema> Schemas, ImmutableArray<Diagnostic> Diagnostics);

using MLRepro.Text;

namespace MLRepro.Formats.Makefile;

/// <summary>A Makefile variable assignment.</summary>
/// <param name="Operator">"=", ":=", "::=", "?=", "+=" or "!=".</param>
public sealed record MakeVariable(string Name, string Operator, string Value, int Line);

/// <summary>A recipe line, as written and as the shell gets it (make's @/-/+ prefixes removed, literal variables expanded).</summary>
public sealed record MakeRecipeLine(string Text, string Expanded, int Line);

/// <summary>A rule: targets, prerequisites and recipe.</summary>
public sealed record MakeRule(IReadOnlyList<string> Targets, IReadOnlyList<string> Prerequisites, IReadOnlyList<MakeRecipeLine> Recipe, int Line, bool Phony);

/// <summary>A parsed Makefile (includes are listed, never followed).</summary>
public sealed record MakefileDocument(string Path, IReadOnlyList<MakeVariable> Variables, IReadOnlyList<MakeRule> Rules, IReadOnlyList<string> Includes, IReadOnlyList<Diagnostic> Diagnostics);

using System.Collections.Immutable;

namespace MLRepro.Python;

/// <summary>
/// Finds argparse, click, typer and absl option declarations among a module's calls and decorators, and configurator-style
/// globals: module-level literal assignments that a later <c>exec(open("configurator.py").read())</c> overrides from
/// <c>--key=value</c> arguments or a config file (nanoGPT's pattern).
/// </summary>
internal static partial class CliOptionExtractor
{
    public static ImmutableArray<CliOption> Extract(IReadOnlyList<(int Offset, PythonCall Call, string? Param)> calls, IReadOnlyList<PythonDecorator> decorators,
        IReadOnlyList<PythonAssignment>? assignments = null)
    {
        var result = ImmutableArray.CreateBuilder<CliOption>();

        // `arg = parser.add_argument` then `arg('--test-dir', …)`: the bound method under a short name.
        var aliases = assignments?.Where(a => a.ValueText.Trim().EndsWith(".add_argument", StringComparison.Ordinal)).Select(a => a.RawTarget).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (_, call, param) in calls)
        {
            if (call.RawTarget.EndsWith(".add_argument", StringComparison.Ordinal) || call.Target == "argparse.ArgumentParser.add_argument" || aliases.Contains(call.RawTarget))
            {
                var flags = StringFlags(call);
                if (flags.Length == 0)
                {
                    continue;
                }

                var dest = call.Keyword("dest")?.Literal?.AsString ?? DestFromFlags(flags);
                result.Add(new CliOption("argparse", flags, dest, call.Keyword("default"), call.Keyword("type")?.Text, call.Line));
            }
            else if ((AbslDefine().IsMatch(call.Target) || AbslDefine().IsMatch(call.RawTarget)) && (call.PositionalAt(0) ?? call.Keyword("name"))?.Literal?.AsString is { Length: > 0 } flag)
            {
                // absl / tf.app.flags: flags.DEFINE_string('dataset', 'cora', 'help') declares --dataset, read as FLAGS.dataset.
                result.Add(new CliOption("absl", ["--" + flag], flag, call.PositionalAt(1) ?? call.Keyword("default"), null, call.Line));
            }
            else if (call.Target is "typer.Option" or "typer.Argument")
            {
                var first = call.PositionalAt(0);
                var isFlag = first?.Literal?.AsString is { } s && s.StartsWith('-');
                var def = call.Keyword("default") ?? (isFlag ? null : first);
                var flags = call.Positional.Where(a => a.Literal?.AsString is { } f && f.StartsWith('-')).Select(a => a.Literal!.AsString!).ToImmutableArray();
                result.Add(new CliOption("typer", flags, param ?? DestFromFlags(flags), def, null, call.Line));
            }
        }

        foreach (var d in decorators)
        {
            if (d.IsCall && d.Target is "click.option" or "click.argument")
            {
                var flags = d.Arguments.Where(a => a.Keyword is null && a.Literal?.AsString is not null).Select(a => a.Literal!.AsString!).ToImmutableArray();
                var dest = flags.FirstOrDefault(f => !f.StartsWith('-')) ?? DestFromFlags(flags);
                result.Add(new CliOption("click", flags, dest, d.Arguments.FirstOrDefault(a => a.Keyword == "default"), d.Arguments.FirstOrDefault(a => a.Keyword == "type")?.Text, d.Line));
            }
        }

        if (assignments is not null)
        {
            AddConfiguratorGlobals(calls, assignments, result);
        }

        return [.. result.OrderBy(o => o.Line)];
    }

    /// <summary>Module-level literal globals before an <c>exec(open(...).read())</c>: each is a <c>--name=value</c> option.</summary>
    private static void AddConfiguratorGlobals(IReadOnlyList<(int Offset, PythonCall Call, string? Param)> calls, IReadOnlyList<PythonAssignment> assignments,
        ImmutableArray<CliOption>.Builder result)
    {
        var exec = calls.Select(c => c.Call).Where(c => c.Target == "exec" && c.Arguments.Length > 0
            && c.Arguments[0].Text.Contains("open(", StringComparison.Ordinal) && c.Arguments[0].Text.Contains(".read()", StringComparison.Ordinal)).MinBy(c => c.Line);
        if (exec is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            if (a.IsModuleLevel && a.Line < exec.Line && a.Operator == "=" && a.Literal is { Kind: not LiteralKind.None }
                && !a.RawTarget.StartsWith('_') && !a.RawTarget.Contains('.', StringComparison.Ordinal) && !a.RawTarget.Contains('[', StringComparison.Ordinal)
                && !a.RawTarget.Contains(',', StringComparison.Ordinal) && seen.Add(a.RawTarget))
            {
                result.Add(new CliOption("configurator", ["--" + a.RawTarget], a.RawTarget, new CallArgument(null, a.ValueText, a.Literal, []), null, a.Line));
            }
        }
    }

    /// <summary>
    /// Calls that turn a function's parameters into command-line flags: <c>fire.Fire(train)</c> (a bare <c>fire.Fire()</c>
    /// exposes every module-level function), <c>typer.run(main)</c> and jsonargparse's <c>CLI</c>/<c>auto_cli</c>.
    /// </summary>
    public static bool IsFunctionCli(string target) =>
        target is "fire.Fire" or "typer.run" or "jsonargparse.CLI" or "jsonargparse.cli.CLI" or "jsonargparse.auto_cli" or "jsonargparse.cli.auto_cli";

    /// <summary>An absl or TensorFlow 1.x flag declaration: <c>flags.DEFINE_integer</c>, <c>tf.app.flags.DEFINE_string</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\.)flags\.DEFINE_[a-z_]+$")]
    private static partial System.Text.RegularExpressions.Regex AbslDefine();

    private static ImmutableArray<string> StringFlags(PythonCall call) =>
        [.. call.Arguments.Where(a => a.Keyword is null && a.Star == 0 && a.Literal?.AsString is not null).Select(a => a.Literal!.AsString!)];

    /// <summary>argparse's rule: the first long option without dashes ('-' → '_'), else the first short one, else the positional name.</summary>
    internal static string? DestFromFlags(ImmutableArray<string> flags)
    {
        var pick = flags.FirstOrDefault(f => f.StartsWith("--", StringComparison.Ordinal)) ?? flags.FirstOrDefault();
        return pick?.TrimStart('-').Replace('-', '_') is { Length: > 0 } d ? d : null;
    }
}

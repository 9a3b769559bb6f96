using System.Collections;
using System.Reflection;

namespace MLRepro.Tests.Caching;

/// <summary>
/// Deep equality by value over every public property (computed ones included), for any record graph: records with
/// <c>ImmutableArray</c> members compare arrays by reference, so their own equality cannot tell a faithful copy from a
/// lossy one. Sequences compare element by element in order, sets as sets, dictionaries as ordered key/value pairs.
/// Returns the path of the first difference, or null.
/// </summary>
internal static class StructuralEquality
{
    public static string? FirstDifference(object? a, object? b, string path = "$")
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? null : $"{path}: {Show(a)} vs {Show(b)}";
        }

        // Collections may change their concrete type (a list read back as an array); everything else may not.
        var t = a.GetType();
        if (t != b.GetType() && !(a is IEnumerable && b is IEnumerable && a is not string))
        {
            return $"{path}: type {t} vs {b.GetType()}";
        }

        if (t.IsPrimitive || t.IsEnum || a is string or decimal)
        {
            return Equals(a, b) ? null : $"{path}: {Show(a)} vs {Show(b)}";
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && b.GetType() == t)
        {
            var da = (bool)t.GetProperty("IsDefault")!.GetValue(a)!;
            var db = (bool)t.GetProperty("IsDefault")!.GetValue(b)!;
            if (da || db)
            {
                return da == db ? null : $"{path}: default vs non-default array";
            }
        }

        if (a is IReadOnlySet<string> sa)
        {
            var sb = (IReadOnlySet<string>)b;
            return sa.Count == sb.Count && sa.SetEquals(sb) ? null : $"{path}: sets differ ({sa.Count} vs {sb.Count} items)";
        }

        if (a is IEnumerable ea)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = ((IEnumerable)b).Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                return $"{path}: {la.Count} vs {lb.Count} items";
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (FirstDifference(la[i], lb[i], $"{path}[{i}]") is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        foreach (var p in t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
        {
            if (FirstDifference(p.GetValue(a), p.GetValue(b), $"{path}.{p.Name}") is { } d)
            {
                return d;
            }
        }

        return null;
    }

    private static string Show(object? o) => o switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => o.ToString() ?? o.GetType().Name,
    };
}

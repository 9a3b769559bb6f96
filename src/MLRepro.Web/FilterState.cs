using System.Globalization;
using System.Text;
using MLRepro.Catalog;
using Microsoft.AspNetCore.Http;

namespace MLRepro.Web;

/// <summary>
/// The ranking filters as they appear in a URL query string (shared by the page and the JSON API):
/// min_stars, met, unmet (repeatable or comma-separated), framework, verified, q, sort, dir, page, page_size.
/// </summary>
internal sealed record FilterState(ProjectQuery Query)
{
    /// <summary>Parses a query string; returns an error message for malformed values.</summary>
    public static FilterState Parse(IQueryCollection q, out string? error)
    {
        error = null;
        var query = new ProjectQuery();
        if (Int(q, "min_stars", 0, 5, ref error) is { } min)
        {
            query = query with { MinStars = min };
        }

        query = query with
        {
            Met = List(q, "met"),
            Unmet = List(q, "unmet"),
            Framework = Str(q, "framework"),
            Search = Str(q, "q"),
        };
        if (Str(q, "verified") is { } v)
        {
            if (v is "true" or "1" or "yes")
            {
                query = query with { HasVerification = true };
            }
            else if (v is "false" or "0" or "no")
            {
                query = query with { HasVerification = false };
            }
            else
            {
                error ??= "verified must be true or false";
            }
        }

        var sort = Str(q, "sort") ?? "stars";
        switch (sort)
        {
            case "stars":
                query = query with { Sort = ProjectSort.Stars };
                break;
            case "name":
                query = query with { Sort = ProjectSort.Name, Descending = false };
                break;
            case "assessed":
                query = query with { Sort = ProjectSort.Assessed };
                break;
            default:
                error ??= "sort must be stars, name or assessed";
                break;
        }

        switch (Str(q, "dir"))
        {
            case null:
                break;
            case "asc":
                query = query with { Descending = false };
                break;
            case "desc":
                query = query with { Descending = true };
                break;
            default:
                error ??= "dir must be asc or desc";
                break;
        }

        if (Int(q, "page", 1, 1_000_000, ref error) is { } page)
        {
            query = query with { Page = page };
        }

        if (Int(q, "page_size", 1, ProjectQuery.MaxPageSize, ref error) is { } size)
        {
            query = query with { PageSize = size };
        }

        return new FilterState(query);
    }

    /// <summary>The sort key as written in the URL.</summary>
    public string SortKey => Query.Sort switch { ProjectSort.Name => "name", ProjectSort.Assessed => "assessed", _ => "stars" };

    /// <summary>The query string for this state with changes (page resets to 1 unless given).</summary>
    public string ToQueryString(string? sort = null, bool? descending = null, int? page = null)
    {
        var parts = new List<(string, string)>();
        if (Query.MinStars is { } m)
        {
            parts.Add(("min_stars", m.ToString(CultureInfo.InvariantCulture)));
        }

        parts.AddRange(Query.Met.Select(c => ("met", c)));
        parts.AddRange(Query.Unmet.Select(c => ("unmet", c)));
        if (Query.Framework is { } f)
        {
            parts.Add(("framework", f));
        }

        if (Query.HasVerification is { } v)
        {
            parts.Add(("verified", v ? "true" : "false"));
        }

        if (Query.Search is { } s)
        {
            parts.Add(("q", s));
        }

        parts.Add(("sort", sort ?? SortKey));
        parts.Add(("dir", descending ?? Query.Descending ? "desc" : "asc"));
        if ((page ?? 1) > 1)
        {
            parts.Add(("page", page!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (Query.PageSize != new ProjectQuery().PageSize)
        {
            parts.Add(("page_size", Query.PageSize.ToString(CultureInfo.InvariantCulture)));
        }

        var sb = new StringBuilder();
        foreach (var (k, val) in parts)
        {
            sb.Append(sb.Length == 0 ? '?' : '&').Append(k).Append('=').Append(Uri.EscapeDataString(val));
        }

        return sb.ToString();
    }

    private static string? Str(IQueryCollection q, string key) =>
        q.TryGetValue(key, out var v) && v.ToString().Trim() is { Length: > 0 } s ? s : null;

    private static string[] List(IQueryCollection q, string key) =>
        q.TryGetValue(key, out var v)
            ? [.. v.SelectMany(x => (x ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)]
            : [];

    private static int? Int(IQueryCollection q, string key, int min, int max, ref string? error)
    {
        if (Str(q, key) is not { } s)
        {
            return null;
        }

        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        error ??= $"{key} must be an integer from {min} to {max}";
        return null;
    }
}

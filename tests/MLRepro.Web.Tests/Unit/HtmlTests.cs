using AwesomeAssertions;

namespace MLRepro.Web.Tests.Unit;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("https://github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("http://example.org/a?b=1", "http://example.org/a?b=1")]
    [InlineData("/projects/3", "/projects/3")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JavaScript:alert(1)", null)]
    [InlineData(" javascript:alert(1)", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("vbscript:msgbox", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("ssh://git@github.com/a/b", null)]
    [InlineData("", null)]
    public void SafeHref_allows_only_http_and_same_site_paths(string url, string? expected) =>
        Html.SafeHref(url).Should().Be(expected);

    [Fact]
    public void Text_and_attributes_are_encoded()
    {
        var h = new Html().Open("a", "c", ("title", "\"><script>x</script>")).Text("<b>&'").Close("a").ToString();
        h.Should().Be("<a class=\"c\" title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;&amp;&#39;</a>");
        new Html().Link("javascript:alert(1)", "<x>").ToString().Should().Be("&lt;x&gt;", "an unsafe link becomes plain text");
    }

    [Fact]
    public void Badge_states_the_stars_in_text()
    {
        MLRepro.Reporting.Badge.BadgeRenderer.Render(3).Should().Contain("aria-label=\"ML reproducibility: 3 of 5 stars\"").And.Contain("★★★☆☆ 3/5");
        MLRepro.Reporting.Badge.BadgeRenderer.Render(null).Should().Contain("not assessed");
        System.Xml.Linq.XDocument.Parse(MLRepro.Reporting.Badge.BadgeRenderer.Render(5)).Root!.Name.LocalName.Should().Be("svg");
    }
}

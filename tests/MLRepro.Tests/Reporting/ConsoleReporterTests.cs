using AwesomeAssertions;
using MLRepro.Reporting.Console;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Reporting;

public sealed class ConsoleReporterTests
{
    [Fact]
    public void Plain_console_view_matches_golden()
    {
        var w = new StringWriter();
        new ConsoleReporter(color: false, verbose: false, width: 110).Write(SampleReports.TwoStars(), w);
        var text = w.ToString();
        text.Should().NotContain("\u001b[", "no colour codes when colour is off (pipes, NO_COLOR)");
        text.Should().Contain("2 of 5 stars");
        Golden.Verify("report/two-stars.console.txt", text);
    }

    [Fact]
    public void Colour_view_uses_ansi_codes()
    {
        var w = new StringWriter();
        new ConsoleReporter(color: true).Write(SampleReports.TwoStars(), w);
        w.ToString().Should().Contain("\u001b[");
    }

    [Fact]
    public void Verbose_shows_diagnostics_and_snippets()
    {
        var w = new StringWriter();
        new ConsoleReporter(verbose: true).Write(SampleReports.TwoStars(), w);
        w.ToString().Should().Contain("conf/bad.yaml:3").And.Contain("pd.read_csv");
    }
}

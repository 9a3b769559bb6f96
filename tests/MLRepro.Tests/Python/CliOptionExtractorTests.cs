using AwesomeAssertions;
using MLRepro.Python;

namespace MLRepro.Tests.Python;

/// <summary>Configurator-style globals (R21): literal globals that a later exec(open(...).read()) overrides are options.</summary>
public sealed class CliOptionExtractorTests
{
    [Fact]
    public void Globals_before_an_exec_of_a_configurator_are_options()
    {
        const string src = """
            import os
            import torch
            out_dir = 'out'
            start = "\n"
            num_samples = 10
            _private = 1
            model = torch.nn.Linear(2, 2)
            exec(open('configurator.py').read())  # overrides from command line or config file
            late = 3
            """;
        var s = ModuleSummary.Parse("sample.py", src);
        s.CliOptions.Select(o => (o.Framework, string.Join(" ", o.Flags), o.Dest, o.Default?.Text)).Should().Equal(
            ("configurator", "--out_dir", "out_dir", "'out'"),
            ("configurator", "--start", "start", "\"\\n\""),
            ("configurator", "--num_samples", "num_samples", "10"));
    }

    [Fact]
    public void Exec_of_other_code_declares_no_options()
    {
        var s = ModuleSummary.Parse("m.py", "lr = 0.1\nexec(compile(source, 'x', 'exec'))\n");
        s.CliOptions.Should().BeEmpty();
    }
}

using AwesomeAssertions;
using MLRepro.Analysis;
using MLRepro.Python;

namespace MLRepro.Tests.Analysis;

public sealed class RandomnessFlowsTests
{
    [Fact]
    public void Judging_a_late_seed_through_many_callers_asks_about_each_site_once()
    {
        // f0 seeds NumPy; f1 and f2 each call the level below from 30 lines; the main block draws, then calls f2. Whether
        // the seed comes after the draw is asked of every call site, level by level: without the memo that is
        // 1 + 30 + 30^2 + 30^2 questions (1,831); with it, each of the 62 sites once.
        var code = new System.Text.StringBuilder("import numpy as np\n\ndef f0():\n    np.random.seed(0)\n");
        for (var level = 1; level <= 2; level++)
        {
            code.Append("\ndef f").Append(level).Append("():\n");
            for (var i = 0; i < 30; i++)
            {
                code.Append("    f").Append(level - 1).Append("()\n");
            }
        }

        code.Append("\nif __name__ == \"__main__\":\n    x = np.random.rand(3)\n    f2()\n");
        var modules = new List<ModuleSummary> { ModuleSummary.Parse("chain.py", code.ToString()) };
        var local = new LocalModules(modules);
        var flows = new RandomnessAnalysis.Flows(local);
        var analysis = RandomnessAnalysis.Build(modules, new ValueTracer(modules, new HashSet<string>(), new HashSet<string>()), null, null, local, flows);

        flows.Computations.Should().BeGreaterThan(0).And.BeLessThan(100);
        // The draw comes before the only seed runs: it is reported as seeded too late.
        analysis.Uncovered.Keys.Should().Contain(u => u.Target == "numpy.random.rand");
    }
}

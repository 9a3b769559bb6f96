using AwesomeAssertions;
using MLRepro.Analysis;
using MLRepro.Python;

namespace MLRepro.Tests.Analysis;

public sealed class ValueTracerTests
{
    private static (SeedOrigin Origin, string? Key) TraceSeed(string target, IReadOnlySet<string>? configKeys = null, params (string Path, string Code)[] modules)
    {
        var summaries = modules.Select(m => ModuleSummary.Parse(m.Path, m.Code)).ToList();
        var tracer = new ValueTracer(summaries, configKeys ?? new HashSet<string>(), new HashSet<string>());
        var (module, call) = summaries.SelectMany(m => m.Calls.Select(c => (m, c))).First(x => x.c.Target == target);
        var arg = call.Keyword("generator") ?? call.Keyword("random_state") ?? call.PositionalAt(0);
        return tracer.Trace(module, arg, call.Line);
    }

    [Fact]
    public void Tracing_through_many_callers_visits_each_argument_once()
    {
        // f0(seed) seeds NumPy; f1..f3 each call the level below from 20 lines, passing their own seed on; main passes 7.
        // Without the memo every path is walked: 20 + 20^2 + 20^3 traces (8,420).
        var code = new System.Text.StringBuilder("import numpy as np\n\ndef f0(seed):\n    np.random.seed(seed)\n");
        for (var level = 1; level <= 3; level++)
        {
            code.Append("\ndef f").Append(level).Append("(seed):\n");
            for (var i = 0; i < 20; i++)
            {
                code.Append("    f").Append(level - 1).Append("(seed)\n");
            }
        }

        code.Append("\nf3(7)\n");
        var summaries = new List<ModuleSummary> { ModuleSummary.Parse("chain.py", code.ToString()) };
        var tracer = new ValueTracer(summaries, new HashSet<string>(), new HashSet<string>());
        var call = summaries[0].Calls.First(c => c.Target == "numpy.random.seed");
        tracer.Trace(summaries[0], call.PositionalAt(0), call.Line).Origin.Should().Be(SeedOrigin.HardCoded);
        tracer.UncachedTraces.Should().BeLessThan(200);
    }

    [Fact]
    public void A_parameter_left_out_at_every_call_site_takes_its_default()
    {
        TraceSeed("numpy.random.seed", null,
            ("utils.py", "import numpy as np\ndef set_seeds(seed: int = 42):\n    np.random.seed(seed)\n"),
            ("train.py", "import utils\nutils.set_seeds()\n")).Origin.Should().Be(SeedOrigin.HardCoded);

        // A caller that passes a command-line value wins over the default.
        TraceSeed("numpy.random.seed", null,
            ("utils.py", "import numpy as np\ndef set_seeds(deterministic, seed=None):\n    np.random.seed(seed)\n"),
            ("train.py", "import argparse, utils\np = argparse.ArgumentParser()\np.add_argument('--seed', type=int, default=0)\nargs = p.parse_args()\nutils.set_seeds(True, args.seed)\n"))
            .Should().Be((SeedOrigin.CommandLine, "seed"));

        // A None default with no caller passing a seed is no seed.
        TraceSeed("numpy.random.seed", null,
            ("utils.py", "import numpy as np\ndef set_seeds(seed=None):\n    np.random.seed(seed)\nset_seeds()\n")).Origin.Should().Be(SeedOrigin.None);

        // Without a default nor a call site the value is unknown.
        TraceSeed("numpy.random.seed", null,
            ("utils.py", "import numpy as np\ndef set_seeds(seed):\n    np.random.seed(seed)\n")).Origin.Should().Be(SeedOrigin.Unknown);
    }

    [Fact]
    public void A_nested_helper_sees_the_enclosing_functions_parameter()
    {
        TraceSeed("sklearn.model_selection.train_test_split", null, ("data.py", """
            from sklearn.model_selection import train_test_split
            def split(df, test_size, shuffle=True, seed=1234):
                def _inner(part):
                    return train_test_split(part, test_size=test_size, random_state=seed)
                return _inner(df)
            split(None, 0.2)
            """)).Origin.Should().Be(SeedOrigin.HardCoded);
    }

    [Fact]
    public void Generator_objects_take_the_seed_of_their_manual_seed_call()
    {
        TraceSeed("torch.randperm", null, ("a.py", "import torch\nrng = torch.Generator()\nrng.manual_seed(1337)\nidx = torch.randperm(10, generator=rng)\n"))
            .Origin.Should().Be(SeedOrigin.HardCoded);
        TraceSeed("torch.utils.data.random_split", null, ("a.py", "import torch\nparts = torch.utils.data.random_split(ds, [8, 2], generator=torch.Generator().manual_seed(42))\n"))
            .Origin.Should().Be(SeedOrigin.HardCoded);
        TraceSeed("torch.randperm", null, ("a.py", "import torch\nrng = torch.Generator()\nidx = torch.randperm(10, generator=rng)\n"))
            .Origin.Should().Be(SeedOrigin.Unknown, "a generator nobody seeds takes its seed from the OS");
    }

    [Fact]
    public void Sums_with_rank_or_epoch_offsets_are_as_fixed_as_their_seed()
    {
        TraceSeed("torch.manual_seed", new HashSet<string> { "seed" }, ("t.py", "import torch\ntorch.manual_seed(cfg['seed'] + rank)\n"))
            .Should().Be((SeedOrigin.Config, "seed"));
        TraceSeed("torch.manual_seed", null, ("t.py", "import torch\ntorch.manual_seed(1337 + seed_offset)\n")).Origin.Should().Be(SeedOrigin.HardCoded);
        TraceSeed("torch.manual_seed", null, ("t.py", "import torch, time\nt = time.time()\ntorch.manual_seed(t + rank)\n")).Origin.Should().Be(SeedOrigin.None);
        TraceSeed("torch.manual_seed", null, ("t.py", "import torch\ntorch.manual_seed(base + rank)\n")).Origin.Should().Be(SeedOrigin.Unknown);
    }

    [Theory]
    [InlineData("a + b", new[] { "a", "b" })]
    [InlineData("6148914691236517205 + seed + RANK", new[] { "6148914691236517205", "seed", "RANK" })]
    [InlineData("f(a + b) * 2", new[] { "f(a + b)", "2" })]
    [InlineData("1e-3 + x", new[] { "1e-3", "x" })]
    [InlineData("-1 + x", new[] { "-1", "x" })]
    public void Split_arithmetic_at_top_level_operators(string text, string[] terms) =>
        ValueTracer.SplitArithmetic(text).Should().Equal(terms);

    [Theory]
    [InlineData("seed")]
    [InlineData("cfg['a+b']")]
    [InlineData("f(a + b)")]
    public void Not_a_sum(string text) => ValueTracer.SplitArithmetic(text).Should().BeNull();
    [Fact]
    public void A_constant_imported_by_name_from_a_src_layout_package_is_traced_to_its_literal()
    {
        // `from pkg.evaluation.bootstrap import (SEED, N)` in a script, with the package under src/: the constant's literal.
        TraceSeed("numpy.random.default_rng", null,
            ("src/pkg/__init__.py", ""),
            ("src/pkg/evaluation/__init__.py", ""),
            ("src/pkg/evaluation/bootstrap.py", "import numpy as np\n\nDEFAULT_RESAMPLES = 2000\nDEFAULT_RANDOM_STATE = 47\n"),
            ("scripts/run_bootstrap.py", "import numpy as np\n\nfrom pkg.evaluation.bootstrap import (\n    DEFAULT_RANDOM_STATE,\n    DEFAULT_RESAMPLES,\n)\n\n\ndef main():\n    rng = np.random.default_rng(\n        DEFAULT_RANDOM_STATE\n    )\n    return rng\n"))
            .Origin.Should().Be(SeedOrigin.HardCoded);

        // A function parameter of the same name shadows the import: its callers decide.
        TraceSeed("numpy.random.default_rng", null,
            ("consts.py", "SEED = 1\n"),
            ("run.py", "import numpy as np\nfrom consts import SEED\n\ndef draw(SEED):\n    return np.random.default_rng(SEED)\n"))
            .Origin.Should().Be(SeedOrigin.Unknown);
    }

    [Fact]
    public void An_entry_of_a_module_level_dict_literal_is_traced_to_its_value()
    {
        const string Config = "CONFIG = {\n    \"min_rows\": 5,  # fewest rows\n    \"random_seed\": 42,\n    \"sizes\": (5, 8),\n}\n";
        TraceSeed("random.seed", null,
            ("gen.py", "import random\n\n" + Config + "\ndef main(args):\n    CONFIG[\"min_rows\"] = args.min_rows\n    random.seed(CONFIG[\"random_seed\"])\n"))
            .Origin.Should().Be(SeedOrigin.HardCoded);
        TraceSeed("random.seed", null,
            ("gen.py", "import random\n\n" + Config + "\nrandom.seed(CONFIG.get(\"random_seed\"))\n")).Origin.Should().Be(SeedOrigin.HardCoded);

        // A `None` entry is no seed; an entry the code overwrites (here from the command line) is not the literal.
        TraceSeed("random.seed", null,
            ("gen.py", "import random\nCONFIG = {\"seed\": None}\nrandom.seed(CONFIG[\"seed\"])\n")).Origin.Should().Be(SeedOrigin.None);
        TraceSeed("random.seed", null,
            ("gen.py", "import random, sys\nCONFIG = {\"seed\": 1}\nCONFIG[\"seed\"] = int(sys.argv[1])\nrandom.seed(CONFIG[\"seed\"])\n")).Origin.Should().NotBe(SeedOrigin.HardCoded);

        // The dict of a Python config module, imported by name: a config value.
        TraceSeed("random.seed", null,
            ("configs/settings.py", "EPOCHS = 10\nSETTINGS = {\"seed\": 3, \"lr\": 0.1}\n"),
            ("train.py", "import random\nfrom configs.settings import SETTINGS\nrandom.seed(SETTINGS[\"seed\"])\n")).Should().Be((SeedOrigin.Config, "seed"));
    }
}

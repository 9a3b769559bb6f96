using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Python;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

public sealed class ModuleSummaryTests
{
    private static ModuleSummary Parse(string src) => ModuleSummary.Parse("m.py", src);

    [Fact]
    public void Imports_bind_names_the_python_way()
    {
        var s = Parse("import a.b.c\nimport a.b as ab\nfrom ..pkg.mod import (x as y,\n    z)\nfrom . import utils\nfrom m import *\n");
        s.Imports.Select(i => i.ToString()).Should().Equal("import a.b.c", "import a.b as ab", "from ..pkg.mod import x as y", "from ..pkg.mod import z", "from . import utils", "from m import *");
        s.Imports.Select(i => (i.BoundName, i.QualifiedName, i.Level)).Should().Equal(
            ("a", "a", 0), ("ab", "a.b", 0), ("y", "..pkg.mod.x", 2), ("z", "..pkg.mod.z", 2), ("utils", ".utils", 1), (null, null, 0));
        s.Imports[2].Line.Should().Be(3);
        s.ImportsModule("a.b").Should().BeTrue();
        s.ImportsModule("pkg").Should().BeFalse("relative imports are the project's own");
    }

    [Fact]
    public void Calls_resolve_through_imports_aliases_and_variable_types()
    {
        var s = Parse("""
            import numpy as np
            import random
            from torch import manual_seed
            from sklearn.ensemble import RandomForestClassifier as RF
            import torch
            np.random.seed(0)
            manual_seed(1)
            rng = np.random.default_rng(7)
            rng.normal()
            rs = np.random.RandomState(3)
            rs.rand()
            r = random.Random(5)
            r.random()
            clf = RF()
            clf.fit(X, y)
            g = torch.Generator().manual_seed(0)
            g.seed()
            self.model = RF(n_estimators=10)
            self.model.predict(X)
            """);
        s.Calls.Select(c => c.Target).Should().Equal(
            "numpy.random.seed", "torch.manual_seed", "numpy.random.default_rng", "numpy.random.Generator.normal",
            "numpy.random.RandomState", "numpy.random.RandomState.rand", "random.Random", "random.Random.random",
            "sklearn.ensemble.RandomForestClassifier", "sklearn.ensemble.RandomForestClassifier.fit",
            "torch.Generator", "torch.Generator.manual_seed", "torch.Generator.seed",
            "sklearn.ensemble.RandomForestClassifier", "sklearn.ensemble.RandomForestClassifier.predict");
        s.Calls[0].RawTarget.Should().Be("np.random.seed");
        s.Calls.Single(c => c.Target == "torch.Generator.manual_seed").RawTarget.Should().Be("torch.Generator().manual_seed");
        s.Calls[0].Line.Should().Be(6);
    }

    [Fact]
    public void Calls_of_subscripted_names_keep_their_arguments()
    {
        var s = Parse("""
            from segment_anything import sam_model_registry
            ALGOS = {"ppo": PPO}
            model = ALGOS[args.algo](env, seed=args.seed, **hp)
            sam = sam_model_registry[args.model_type](checkpoint=args.checkpoint)
            y = self.blocks[i](x)
            z = [a, b][0](x)
            w = foo()[0](x)
            v = df[cols].sample(frac=0.1)
            u = REG[k](p=MODELS[n](q=1))
            t = obj.x[0].y[1](2)
            def g[T](x): return x
            class C[T](Base): pass
            """);
        s.Calls.Select(c => (c.Target, c.RawTarget, c.Line)).Should().Equal(
            ("ALGOS[]", "ALGOS[]", 3),
            ("segment_anything.sam_model_registry[]", "sam_model_registry[]", 4),
            ("self.blocks[]", "self.blocks[]", 5),
            ("foo", "foo", 7),
            ("df[].sample", "df[].sample", 8),
            ("REG[]", "REG[]", 9),
            ("MODELS[]", "MODELS[]", 9));
        var algo = s.Calls[0];
        algo.IsDottedName.Should().BeFalse("the callee is what the container holds, not a name");
        algo.Keyword("seed")!.Names.Should().Equal("args.seed");
        algo.Arguments.Single(a => a.Star == 2).Text.Should().Be("hp");
        s.Calls[1].Keyword("checkpoint")!.Text.Should().Be("args.checkpoint");
        s.Calls[4].Keyword("frac")!.Literal!.Value.Should().Be(0.1);
        s.Calls[6].Keyword("q")!.Literal!.Value.Should().Be(1L);
    }

    [Fact]
    public void Arguments_carry_text_literals_and_names()
    {
        var s = Parse("f(1, -2.5, 'a' 'b', None, True, cfg[\"seed\"], args.seed, *xs, key=0x10, **kw, flag=b'x')\n");
        var a = s.Calls.Single().Arguments;
        a.Select(x => x.Literal?.Value).Should().Equal(1L, -2.5, "ab", null, true, null, null, null, 16L, null, "x");
        a[3].Literal!.Kind.Should().Be(LiteralKind.None);
        a[5].Text.Should().Be("cfg[\"seed\"]");
        a[5].Names.Should().Equal("cfg");
        a[6].Names.Should().Equal("args.seed");
        a[7].Star.Should().Be(1);
        a[8].Keyword.Should().Be("key");
        a[9].Star.Should().Be(2);
        a[10].Literal!.Kind.Should().Be(LiteralKind.Bytes);
        s.Calls.Single().Keyword("key")!.Literal!.AsInt.Should().Be(16);
        s.StringLiterals.Select(x => x.Value).Should().Contain(["a", "b", "seed"]);
    }

    [Fact]
    public void Calls_in_lambdas_comprehensions_decorators_and_class_bodies_count()
    {
        var s = Parse("""
            import functools
            @functools.lru_cache(maxsize=None)
            def f(x=default()):
                return [g(i) for i in range(3)]
            class C(Base, metaclass=Meta):
                attr = h()
                key = lambda self: k(self)
            """);
        s.Calls.Select(c => c.Target).Should().BeEquivalentTo(["functools.lru_cache", "default", "g", "range", "h", "k"]);
        s.Decorators.Single().Should().Match<PythonDecorator>(d => d.Target == "functools.lru_cache" && d.IsCall && d.Arguments[0].Keyword == "maxsize");
        s.Classes.Single().Bases.Should().Equal("Base");
        s.Functions.Single().Name.Should().Be("f");
    }

    [Fact]
    public void Assignments_are_visible_with_targets_values_and_levels()
    {
        var s = Parse("""
            import os
            import torch
            EPOCHS = 10
            a = b = 0.5
            LR: float = 1e-3
            count: int
            def train(cfg):
                lr = cfg["train"]["lr"]
                torch.backends.cudnn.deterministic = True
                os.environ["PYTHONHASHSEED"] = "0"
                total += 1
                if lr: x = 1
            f(a=1)
            y == 2
            """);
        s.Assignments.Select(x => (x.Target, x.Operator, x.ValueText, x.IsModuleLevel)).Should().Equal(
            ("EPOCHS", "=", "10", true), ("a", "=", "0.5", true), ("b", "=", "0.5", true), ("LR", "=", "1e-3", true), ("count", ":", "", true),
            ("lr", "=", "cfg[\"train\"][\"lr\"]", false), ("torch.backends.cudnn.deterministic", "=", "True", false),
            ("os.environ[\"PYTHONHASHSEED\"]", "=", "\"0\"", false), ("total", "+=", "1", false), ("x", "=", "1", false));
        s.Assignments[0].Literal!.AsInt.Should().Be(10);
        s.Assignments[6].Literal!.Value.Should().Be(true);
        s.Assignments[7].Literal!.AsString.Should().Be("0");
        s.Assignments[0].Line.Should().Be(3);
    }

    [Fact]
    public void Names_decorators_main_guard_functions_and_classes()
    {
        var s = Parse("""
            import hydra
            from omegaconf import DictConfig
            class Trainer(object):
                def fit(self): pass
                async def run(self): pass
            @hydra.main(config_path="conf", config_name="config", version_base=None)
            def main(cfg: DictConfig):
                print(cfg.model.lr, f"{cfg.seed}")
            if '__main__' == __name__:
                main()
            """);
        s.Decorators.Single().Target.Should().Be("hydra.main");
        s.Decorators.Single().Arguments.Select(a => (a.Keyword, a.Literal?.Value)).Should().Equal(("config_path", "conf"), ("config_name", "config"), ("version_base", null));
        s.HasMainGuard.Should().BeTrue();
        s.MainGuardLine.Should().Be(9);
        s.Functions.Select(f => (f.Name, f.ClassName, f.IsAsync, f.IsModuleLevel)).Should().Equal(("fit", "Trainer", false, false), ("run", "Trainer", true, false), ("main", null, false, true));
        s.Names.Should().Contain(["cfg", "lr", "seed", "model", "DictConfig"]);
        s.Names.Should().NotContain(["if", "def"]);
        Parse("if __name__ == '__main__' and x:\n    pass\n").HasMainGuard.Should().BeFalse();
    }

    [Fact]
    public void Function_and_class_bodies_end_at_their_last_statement()
    {
        var s = Parse("""
            def train(model):
                def tokenize(x):
                    return x

                class SaveCallback(Base):
                    def on_save(self, args):
                        print(args)
                        return None

                trainer = Trainer(model)
                trainer.train()

            def short(): return 1
            class Empty: pass
            if __name__ == "__main__":
                train(None)
            """);
        s.Functions.Select(f => (f.Name, f.Line, f.EndLine)).Should().Equal(("train", 1, 11), ("tokenize", 2, 3), ("on_save", 6, 8), ("short", 13, 13));
        s.Classes.Select(c => (c.Name, c.Line, c.EndLine, c.IsModuleLevel)).Should().Equal(("SaveCallback", 5, 8, false), ("Empty", 14, 14, true));
    }

    [Fact]
    public void Function_parameters_with_defaults_stars_and_annotations()
    {
        var s = Parse("""
            def set_seeds(seed: int = 42, *, deterministic=True):
                pass
            class Split:
                def split(self, ds, stratify: str, test_size: float,
                          shuffle: bool = True,  # shuffle first
                          seed: int = 1234, sizes=(0.8, 0.2), **kwargs):
                    pass
            def f(a, /, b=None, *rest, c=-1.5, names: dict[str, int] = {"a": 1}):
                pass
            """);
        var seeds = s.Functions[0];
        seeds.Parameters.Select(p => (p.Name, p.Default, p.DefaultLiteral?.Value, p.Star, p.KeywordOnly)).Should().Equal(
            ("seed", "42", 42L, 0, false), ("deterministic", "True", true, 0, true));
        seeds.PositionalIndex("seed").Should().Be(0);
        seeds.PositionalIndex("deterministic").Should().BeNull();

        var split = s.Functions[1];
        split.Parameters.Select(p => p.Name).Should().Equal("self", "ds", "stratify", "test_size", "shuffle", "seed", "sizes", "kwargs");
        split.Parameter("seed")!.DefaultLiteral!.Value.Should().Be(1234L);
        split.Parameter("sizes")!.Default.Should().Be("(0.8, 0.2)");
        split.Parameter("sizes")!.DefaultLiteral.Should().BeNull();
        split.Parameter("kwargs")!.Star.Should().Be(2);
        split.PositionalIndex("seed").Should().Be(4, "self is not passed positionally at a call site");

        var f = s.Functions[2];
        f.Parameters.Select(p => (p.Name, p.Default, p.Star, p.KeywordOnly)).Should().Equal(
            ("a", null, 0, false), ("b", "None", 0, false), ("rest", null, 1, false), ("c", "-1.5", 0, true), ("names", "{\"a\": 1}", 0, true));
        f.Parameter("b")!.DefaultLiteral!.Kind.Should().Be(LiteralKind.None);
        f.Parameter("c")!.DefaultLiteral!.Value.Should().Be(-1.5);
        f.PositionalIndex("b").Should().Be(1);
        f.PositionalIndex("c").Should().BeNull();
    }

    [Fact]
    public void Cli_options_from_argparse_click_and_typer()
    {
        var s = Parse("""
            import argparse, click, typer
            p = argparse.ArgumentParser()
            g = p.add_argument_group("opt")
            p.add_argument("--learning-rate", "-l", type=float, default=0.01)
            g.add_argument("-s", "--seed", dest="random_seed", type=int, default=None)
            p.add_argument("data_dir")
            @click.command()
            @click.option("--epochs", default=3, type=int)
            @click.option("-b", "batch")
            def cli(epochs, batch): pass
            def main(lr: float = typer.Option(0.1, "--lr", "-l"), seed: int = typer.Option(default=42)): pass
            """);
        s.CliOptions.Select(o => (o.Framework, string.Join(" ", o.Flags), o.Dest, o.Default?.Text, o.Type)).Should().Equal(
            ("argparse", "--learning-rate -l", "learning_rate", "0.01", "float"),
            ("argparse", "-s --seed", "random_seed", "None", "int"),
            ("argparse", "data_dir", "data_dir", null, null),
            ("click", "--epochs", "epochs", "3", "int"),
            ("click", "-b batch", "batch", null, null),
            ("typer", "--lr -l", "lr", "0.1", null),
            ("typer", "", "seed", "42", null));
        s.CliOptions[0].Line.Should().Be(4);
    }

    [Fact]
    public void Reads_of_config_data_and_model_files()
    {
        var s = Parse("""
            import yaml, json, torch, joblib, pickle
            import pandas as pd
            import numpy as np
            from omegaconf import OmegaConf
            with open("configs/train.yaml") as f:
                cfg = yaml.safe_load(f)
            df = pd.read_csv("data/train.csv")
            arr = np.load(path)
            m = torch.load("ckpt/model.pt", map_location="cpu")
            conf = OmegaConf.load("conf.yaml")
            open("out.txt", "w").write("x")
            h = open(file="x.json")
            """);
        s.Reads.Select(r => (r.Function, r.Kind, r.Path?.Text, r.Line)).Should().Equal(
            ("open", ReadKind.Config, "\"configs/train.yaml\"", 5),
            ("yaml.safe_load", ReadKind.Config, "\"configs/train.yaml\"", 6),
            ("pandas.read_csv", ReadKind.Data, "\"data/train.csv\"", 7),
            ("numpy.load", ReadKind.Data, "path", 8),
            ("torch.load", ReadKind.Model, "\"ckpt/model.pt\"", 9),
            ("omegaconf.OmegaConf.load", ReadKind.Config, "\"conf.yaml\"", 10),
            ("open", ReadKind.Config, "\"x.json\"", 12));
    }

    [Fact]
    public void A_method_chained_on_a_read_and_a_sql_query_are_no_path_reads()
    {
        var s = Parse("""
            import pandas as pd
            import ray
            imp = pd.read_csv("imp.csv").set_index("feature")
            prev = pd.read_csv("prev.csv").drop("SK_ID_PREV", axis=1).sort_values("total")
            ds = ray.data.read_parquet("data/").map_batches(fn)
            q = pd.read_sql_query(f"SELECT * FROM {TABLE}", conn)
            """);
        s.Reads.Select(r => (r.Function, r.Path?.Text)).Should().Equal(
            ("pandas.read_csv", "\"imp.csv\""), ("pandas.read_csv", "\"prev.csv\""), ("ray.data.read_parquet", "\"data/\""));
    }

    public static TheoryData<string> HostileFixtures => [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "Python", "hostile"), "*.py").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(HostileFixtures))]
    public void Hostile_fixture_gives_a_partial_summary_and_its_diagnostic(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Python", "hostile", file));
        var expected = text.Split('\n')[0].Replace("# expect:", string.Empty, StringComparison.Ordinal).Trim();
        var sw = Stopwatch.StartNew();
        var s = ModuleSummary.Parse("hostile/" + file, text);
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        s.Diagnostics.Should().Contain(d => d.Code == expected && d.Span != null, string.Join("\n", s.Diagnostics));
        s.Imports.Should().NotBeEmpty("the part before the damage is still summarized");
    }

    [Fact]
    public void Only_an_assignment_ending_its_logical_line_lacks_a_value()
    {
        // Inside brackets a line break continues the statement (help= then the value), a backslash joins lines, and '==', '<=',
        // '>=' and '!=' are comparisons: all valid. An augmented assignment with nothing after it is not.
        var ok = ModuleSummary.Parse("ok.py", "p.add_argument('--x', help=\n    'value')\nz = \\\n    3\nok = a <= b\nf(x=\n  1)\n");
        ok.Diagnostics.Should().NotContain(d => d.Code == "python.empty-assignment", string.Join("\n", ok.Diagnostics));
        var bad = ModuleSummary.Parse("bad.py", "total = 0\ntotal += # TODO\n");
        bad.Diagnostics.Should().ContainSingle(d => d.Code == "python.empty-assignment").Which.Span!.Value.Line.Should().Be(2);
    }

    [Fact]
    public void Fixture_train_script_is_fully_understood()
    {
        var s = ModuleSummary.Parse("basic_train.py", File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Python", "basic_train.py")));
        s.Diagnostics.Should().BeEmpty();
        s.Calls.Select(c => c.Target).Should().Contain(["random.seed", "numpy.random.seed", "torch.manual_seed", "numpy.random.Generator.normal",
            "sklearn.model_selection.train_test_split", "sklearn.ensemble.RandomForestClassifier.fit", "torch.Generator.manual_seed",
            "torch.utils.data.DataLoader", "sklearn.ensemble.RandomForestClassifier.score"]);
        s.CliOptions.Select(o => o.Dest).Should().Equal("lr", "epochs", "seed");
        s.Assignments.Where(a => a.IsModuleLevel).Select(a => a.Target).Should().Equal("SEED", "EPOCHS");
        s.Classes.Single().Bases.Should().Equal("torch.nn.Module");
        s.HasMainGuard.Should().BeTrue();
    }
}

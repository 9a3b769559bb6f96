using AwesomeAssertions;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

public sealed class ConfigProbeTests
{
    [Fact]
    public void Yaml_value_is_rewritten_in_place_keeping_comments_and_layout()
    {
        using var t = new TempDir();
        const string Text = "# experiment\ntrain:\n  epochs: 5   # five passes\n  lr: 0.01\nname: \"run-5\"\nflag: true\n";
        t.Write("params.yaml", Text);
        var ps = ConfigProbe.Parameters(t.Path, "params.yaml");
        ps.Select(p => p.Key).Should().Equal("train.epochs", "train.lr");
        ConfigProbe.Apply(t.Path, new ConfigMutation("params.yaml", "train.epochs", "5", "6")).Should().BeTrue();
        File.ReadAllText(Path.Combine(t.Path, "params.yaml")).Should().Be(Text.Replace("epochs: 5 ", "epochs: 6 ", StringComparison.Ordinal));
        ConfigProbe.Apply(t.Path, new ConfigMutation("params.yaml", "train.missing", "1", "2")).Should().BeFalse();
    }

    [Fact]
    public void Json_value_is_rewritten_in_place()
    {
        using var t = new TempDir();
        t.Write("config.json", "{\n  \"model\": {\"hidden\": 64, \"dropout\": 0.5},\n  \"name\": \"é-net\",\n  \"layers\": [1, 2]\n}\n");
        var ps = ConfigProbe.Parameters(t.Path, "config.json");
        ps.Select(p => p.Key).Should().Contain(["model.hidden", "model.dropout"]);
        ConfigProbe.Apply(t.Path, new ConfigMutation("config.json", "model.dropout", "0.5", "0.75")).Should().BeTrue();
        File.ReadAllText(Path.Combine(t.Path, "config.json")).Should().Contain("\"dropout\": 0.75}").And.Contain("\"hidden\": 64");
    }

    [Fact]
    public void Choice_prefers_hyperparameters_and_puts_seeds_last()
    {
        var all = new[] { "seed", "data.n_rows", "train.epochs", "train.lr" }.Select(k => new ConfigParameter("p.yaml", k, "1", 0, 1)).ToList();
        ConfigProbe.Choose(all, 3).Select(p => p.Key).Should().Equal("train.epochs", "train.lr", "data.n_rows");
        ConfigProbe.Mutate("5").Should().Be("6");
        ConfigProbe.Mutate("0.05").Should().Be("0.075");
        ConfigProbe.ParseMutate("params.yaml:train.epochs=6").Should().Be(("params.yaml", "train.epochs", "6"));
        ConfigProbe.ParseMutate("epochs=6").Should().Be(((string?)null, "epochs", "6"));
    }
}

using AwesomeAssertions;
using MLRepro.Analysis;
using MLRepro.Indexing;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Analysis;

/// <summary>Packages the docs declare: dependency-section items, their pins, and documented install commands.</summary>
public sealed class DocumentedDependenciesTests
{
    private const string Readme = """
        # Project

        A sentence about torch and gym outside any dependency section.

        ## Dependencies

        1. PyTorch
        2. OpenAI Gym ( >= 0.26, IMPORTANT)
        - `tensorflow-gpu==1.6.0`
        - **numpy** == 1.14.1

        ```
        scipy==1.0.0
        ```

        ## Install

        ```bash
        conda install pytorch torchvision -c pytorch
        ```

        ## Results

        - gym-atari scores: see the table
        """;

    private static ProjectModel Model(TempDir t, string code)
    {
        t.Write("README.md", Readme);
        t.Write("train.py", code);
        return ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
    }

    [Fact]
    public void Items_come_from_dependency_sections_only()
    {
        using var t = new TempDir();
        var model = Model(t, "import torch\n");
        DocumentedDependencies.Items(model).Select(i => i.Text).Should().Equal("PyTorch", "OpenAI Gym ( >= 0.26, IMPORTANT)", "tensorflow-gpu==1.6.0", "numpy == 1.14.1", "scipy==1.0.0");
    }

    [Fact]
    public void Requirements_parse_the_pins_and_the_install_commands()
    {
        using var t = new TempDir();
        var model = Model(t, "import torch\n");
        var reqs = DocumentedDependencies.Requirements(model);
        reqs.Where(d => d.IsPinned).Select(d => d.Name + "@" + d.ExactVersion).Should().Equal("tensorflow-gpu@1.6.0", "numpy@1.14.1", "scipy@1.0.0");
        reqs.Where(d => d.Kind == MLRepro.Formats.Dependencies.DependencyKind.Conda).Select(d => d.Name).Should().Contain(["pytorch", "torchvision"]);
        reqs.Should().NotContain(d => d.Name == "gym", "a lower bound in prose is a name, not a requirement line");
    }

    [Theory]
    [InlineData("import torch\n", "torch", true)]
    [InlineData("import gym\n", "gym", true)]
    [InlineData("import tensorflow as tf\n", "tensorflow", true)]
    [InlineData("import torchvision\n", "torchvision", true)]
    [InlineData("import networkx\n", "networkx", false)]
    public void Declares_by_any_name_as_a_whole_word(string code, string module, bool declared)
    {
        using var t = new TempDir();
        var model = Model(t, code);
        var import = model.Imports.ThirdParty.Single(i => i.Module == module);
        (DocumentedDependencies.Declares(model, import) is not null).Should().Be(declared);
    }

    [Fact]
    public void A_changelog_lists_no_dependencies()
    {
        using var t = new TempDir();
        t.Write("CHANGELOG.md", "# Changes\n\n## Dependencies\n\n- bumped networkx to 3.1\n");
        var model = Model(t, "import networkx\n");
        DocumentedDependencies.Items(model).Should().NotContain(i => i.Path == "CHANGELOG.md");
        DocumentedDependencies.Declares(model, model.Imports.ThirdParty.Single()).Should().BeNull();
    }

    [Fact]
    public void Conda_names_map_back_from_pypi()
    {
        CondaNames.CondaNamesOf("torch").Should().Contain("pytorch");
        CondaNames.CondaNamesOf("numpy").Should().BeEmpty();
    }

    [Theory]
    [InlineData("lightgbm", "device", "GPU", true)]
    [InlineData("lightgbm", "device", "cpu", false)]
    [InlineData("xgboost", "device", "cuda:1", true)]
    [InlineData("xgboost", "tree_method", "hist", false)]
    [InlineData("catboost", "task_type", "GPU", true)]
    public void Gpu_parameters_of_boosting_libraries(string module, string parameter, string value, bool gpu) =>
        GpuParameters.For(new HashSet<string> { module }).Any(p => p.Parameter == parameter && p.SelectsGpu(value)).Should().Be(gpu);
}

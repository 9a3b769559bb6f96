using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Formats.Containers;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Environment;

/// <summary>How the model finds and orders environment files.</summary>
public sealed class EnvironmentModelTests
{
    [Fact]
    public void Dependencies_are_ordered_by_path_then_line_and_foreign_folders_are_skipped()
    {
        using var t = new TempDir();
        t.Write("requirements.txt", "b==1\na==2\n");
        t.Write("docs/requirements.txt", "sphinx==7.2.6\n");
        t.Write(".venv/lib/site-packages/pkg/requirements.txt", "evil==1\n");
        t.Write("node_modules/x/environment.yml", "dependencies: [evil]\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.Dependencies.Select(d => (d.Path, d.Line, d.Name)).Should().Equal(("docs/requirements.txt", 1, "sphinx"), ("requirements.txt", 1, "b"), ("requirements.txt", 2, "a"));
    }

    [Fact]
    public void Git_ignored_files_are_not_environment_files()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        t.Write(".gitignore", "local/\n");
        t.Write("local/requirements.txt", "secret==1\n");
        t.Write("requirements.txt", "numpy==1.26.2\n");
        var model = ProjectModel.Open(t.Path);
        model.Dependencies.Select(d => d.Name).Should().Equal("numpy");
    }

    [Fact]
    public void Only_def_files_with_a_bootstrap_header_are_apptainer()
    {
        using var t = new TempDir();
        t.Write("exports.def", "EXPORTS\n  foo\n");
        t.Write("container.def", "Bootstrap: docker\nFrom: python:3.10\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.Containers.Should().ContainSingle().Which.Should().Match<ContainerDocument>(c => c.Path == "container.def" && c.Kind == ContainerKind.Apptainer && c.PythonVersion == "3.10");
    }

    [Fact]
    public void Binder_folder_wins_over_root_and_root_needs_a_repo2docker_file()
    {
        using var t = new TempDir();
        t.Write("requirements.txt", "numpy\n");
        var plain = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        plain.Containers.Should().BeEmpty("a requirements.txt alone is not a Binder setup");

        t.Write("binder/requirements.txt", "numpy\n");
        t.Write("binder/runtime.txt", "python-3.10.12\n");
        var binder = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        var doc = binder.Containers.Should().ContainSingle().Subject;
        doc.Kind.Should().Be(ContainerKind.Binder);
        doc.Path.Should().Be("binder");
        doc.References.Should().Equal("binder/requirements.txt", "binder/runtime.txt");
        doc.PythonVersion.Should().Be("3.10.12");
    }

    [Fact]
    public void Index_json_carries_dependencies_runtimes_and_containers()
    {
        var dir = Path.Combine(TestPaths.Fixtures, "Formats", "Containers", "multistage-cuda");
        var model = ProjectModel.Open(dir, new IndexOptions { UseGit = false });
        using var w = new StringWriter();
        ModelJsonWriter.Write(w, model);
        using var json = JsonDocument.Parse(w.ToString());
        var root = json.RootElement;
        root.GetProperty("dependencies").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Should().Equal("Dockerfile", "requirements.txt");
        root.GetProperty("containers")[0].GetProperty("cudaVersion").GetString().Should().Be("12.1.0");
        root.GetProperty("runtimes").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Files_installed_by_a_dockerfile_in_a_subfolder_resolve_against_the_root_context()
    {
        using var t = new TempDir();
        t.Write("deps.txt", "lightgbm==4.1.0\n");
        t.Write("docker/Dockerfile", "FROM python:3.11-slim\nCOPY deps.txt .\nRUN pip install -r deps.txt\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.DependencyFiles.Select(f => f.Path).Should().Equal("deps.txt", "docker/Dockerfile");
        model.Dependencies.Should().ContainSingle(d => d.Name == "lightgbm" && d.Path == "deps.txt");
    }

    [Fact]
    public void Yaml_named_like_an_environment_without_dependencies_is_not_a_conda_file()
    {
        using var t = new TempDir();
        t.Write("configs/environment.yaml", "name: CartPole-v1\nmax_episode_steps: 500\n");
        t.Write("environment.yml", "name: real\ndependencies:\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.DependencyFiles.Select(f => (f.Path, f.EnvironmentName)).Should().Equal(("environment.yml", "real"));
    }
}

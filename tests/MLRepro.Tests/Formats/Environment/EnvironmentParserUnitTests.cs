using AwesomeAssertions;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Requirements;
using MLRepro.Formats.Runtime;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Environment;

public sealed class EnvironmentParserUnitTests
{
    [Theory]
    [InlineData("Django", "django")]
    [InlineData("scikit_learn", "scikit-learn")]
    [InlineData("ruamel.yaml", "ruamel-yaml")]
    [InlineData("Foo__Bar-.baz", "foo-bar-baz")]
    public void Names_are_normalized_per_pep_503(string raw, string normalized) => Dependency.Normalize(raw).Should().Be(normalized);

    [Theory]
    [InlineData("==1.2.3", "1.2.3")]
    [InlineData("===1.0+local", "1.0+local")]
    [InlineData(">=1,==1.4", "1.4")]
    [InlineData("==1.2.*", null)]
    [InlineData(">=1.2", null)]
    [InlineData("~=1.2", null)]
    [InlineData(null, null)]
    public void Exact_versions_only_for_exact_pins(string? spec, string? exact) => Dependency.ExactVersionOf(spec).Should().Be(exact);

    [Theory]
    [InlineData("!pip install -q transformers==4.35.2 datasets", new[] { "transformers", "datasets" })]
    [InlineData("%pip install --upgrade 'torch>=2' torchvision --index-url https://download.pytorch.org/whl/cu121", new[] { "torch", "torchvision" })]
    [InlineData("cd src && python3 -m pip install -e .[dev] && pip install \"numpy<2\"", new[] { "numpy" })]
    [InlineData("sudo pip3.10 install scipy; echo done", new[] { "scipy" })]
    [InlineData("pip install ${PKGS} $EXTRA", new string[0])]
    [InlineData("pip download numpy", new string[0])]
    [InlineData("mamba install -c conda-forge -y cudatoolkit=11.8 'pytorch::pytorch>=2'", new[] { "cudatoolkit", "pytorch" })]
    public void Pip_install_commands_are_read_from_shell_text(string command, string[] names)
    {
        var cmds = PipInstallParser.Parse(command, "notebook.ipynb", 3);
        cmds.SelectMany(c => c.Packages).Select(p => p.Name).Should().Equal(names);
        cmds.SelectMany(c => c.Packages).Should().OnlyContain(p => p.Line == 3 && p.Path == "notebook.ipynb");
    }

    [Fact]
    public void Pip_install_records_requirement_files_and_options()
    {
        var cmd = PipInstallParser.Parse("pip install -r requirements.txt -c constraints.txt --extra-index-url https://u:secret@repo.example/simple -rreq2.txt", "run.sh", 1).Single();
        cmd.RequirementFiles.Should().Equal("requirements.txt", "req2.txt");
        cmd.ConstraintFiles.Should().Equal("constraints.txt");
        cmd.Options.Should().Equal("--extra-index-url https://***@repo.example/simple");
    }

    [Theory]
    [InlineData("nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04", "11.8.0", "8", null, true, false)]
    [InlineData("pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime", "12.1", "8", null, true, false)]
    [InlineData("tensorflow/tensorflow:2.15.0-gpu", null, null, null, true, false)]
    [InlineData("python:3.11-slim", null, null, "3.11", false, false)]
    [InlineData("python", null, null, null, false, true)]
    [InlineData("ubuntu:latest", null, null, null, false, true)]
    [InlineData("ubuntu:latest@sha256:abc", null, null, null, false, false)]
    [InlineData("registry.example.com:5000/team/img", null, null, null, false, true)]
    [InlineData("continuumio/miniconda3:23.5.2-0", null, null, null, false, false)]
    [InlineData("scratch", null, null, null, false, false)]
    public void Image_references_yield_cuda_python_and_pinning(string reference, string? cuda, string? cudnn, string? python, bool gpu, bool unpinned)
    {
        var img = ImageReferenceParser.Parse(reference, 1);
        img.CudaVersion.Should().Be(cuda);
        img.CudnnVersion.Should().Be(cudnn);
        img.PythonVersion.Should().Be(python);
        img.IsGpuImage.Should().Be(gpu);
        img.IsUnpinned.Should().Be(unpinned);
    }

    [Fact]
    public void Registry_ports_are_not_tags()
    {
        var img = ImageReferenceParser.Parse("registry.example.com:5000/team/img:1.2", 1);
        img.Repository.Should().Be("registry.example.com:5000/team/img");
        img.Tag.Should().Be("1.2");
    }

    [Fact]
    public void Dockerfile_escape_directive_arg_defaults_and_stage_references()
    {
        const string text = "# escape=`\nARG BASE=python\nARG TAG\nFROM ${BASE}:${TAG:-3.9} AS base\nRUN pip install `\n    requests==2.31.0\nFROM base\nFROM $UNKNOWN\n";
        var doc = DockerfileParser.Parse(new SourceText("Dockerfile", text));
        doc.Images.Select(i => i.Reference).Should().Equal("python:3.9", "base", "$UNKNOWN");
        doc.Images[1].IsStageReference.Should().BeTrue();
        doc.Images[1].IsUnpinned.Should().BeFalse();
        doc.Images[2].IsUnpinned.Should().BeFalse("an unresolved variable is unknown, not unpinned");
        doc.PythonVersion.Should().Be("3.9");
        doc.Packages.Should().ContainSingle(p => p.Name == "requests" && p.Line == 5);
        doc.Dockerfile!.Instructions.Select(i => (i.Keyword, i.Line, i.EndLine)).Should().Contain(("RUN", 5, 6));
    }

    [Fact]
    public void Requirements_comments_keep_url_fragments_and_join_continuations()
    {
        var doc = RequirementsParser.Parse(new SourceText("requirements.txt", "pkg @ https://x.org/p.zip#sha256=abc # comment\nnumpy\\\n==1.0\n"));
        doc.Dependencies.Should().HaveCount(2);
        doc.Dependencies[0].Url.Should().Be("https://x.org/p.zip#sha256=abc");
        doc.Dependencies[1].ExactVersion.Should().Be("1.0");
        doc.Dependencies[1].Line.Should().Be(2);
    }

    [Theory]
    [InlineData("3.10.12", true)]
    [InlineData("==3.10.12", true)]
    [InlineData("3.10", false)]
    [InlineData(">=3.8", false)]
    [InlineData("3.11.*", false)]
    public void Exact_python_versions(string version, bool exact) => RuntimeDeclaration.IsExactVersion(version).Should().Be(exact);

    [Theory]
    [InlineData("numpy=1.26", null)]
    [InlineData("numpy=1.26.4", "1.26.4")]
    [InlineData("numpy==1.26", "1.26")]
    [InlineData("numpy=1.26=py310_0", "1.26")]
    [InlineData("numpy 1.26.4 py310_0", "1.26.4")]
    [InlineData("numpy>=1.20", null)]
    [InlineData("numpy=1.26.*", null)]
    [InlineData("numpy[version='>=1.20']", null)]
    public void Conda_specs_pin_only_when_exact(string spec, string? exact)
    {
        var d = CondaSpec.Parse(spec, "environment.yml", 1, DependencyKind.Conda, out _)!;
        d.Name.Should().Be("numpy");
        d.ExactVersion.Should().Be(exact);
        d.Ecosystem.Should().Be("conda");
    }

    [Fact]
    public void Short_options_after_a_requirement_end_it()
    {
        var doc = RequirementsParser.Parse(new SourceText("requirements.txt", "torch==2.1.0+cu118 -f https://download.pytorch.org/whl/torch_stable.html\n"));
        doc.Diagnostics.Should().BeEmpty();
        doc.Dependencies.Should().ContainSingle(d => d.Name == "torch" && d.ExactVersion == "2.1.0+cu118");
    }

    [Fact]
    public void Unnamed_urls_in_pip_install_are_kept_as_options()
    {
        var cmd = PipInstallParser.Parse("pip install https://example.org/downloads/latest", "run.sh", 1).Single();
        cmd.Packages.Should().BeEmpty();
        cmd.Options.Should().Equal("url https://example.org/downloads/latest");
    }

    [Theory]
    [InlineData("git+https://github.com/huggingface/peft.git", "peft", false)]
    [InlineData("git+https://github.com/org/repo", "repo", false)]
    [InlineData("git+https://github.com/openai/CLIP.git@a1d071733d7111c9c014f024669f959182114e33", "clip", true)]
    public void Vcs_urls_without_egg_name_their_repository(string url, string name, bool pinned)
    {
        var cmd = PipInstallParser.Parse("pip install " + url, "run.sh", 1).Single();
        cmd.Packages.Should().ContainSingle(d => d.Name == name && d.Url == url && d.IsPinned == pinned);
    }

    [Theory]
    [InlineData("==2.1.0+cu118", "11.8")]
    [InlineData("--index-url https://download.pytorch.org/whl/cu121", "12.1")]
    [InlineData("-f https://download.pytorch.org/whl/cu92/torch_stable.html", "9.2")]
    [InlineData("==2.1.0+cpu", null)]
    [InlineData("jax[cuda11_pip]", null)]
    [InlineData(null, null)]
    public void Cuda_versions_implied_by_wheel_choices(string? text, string? cuda) => CudaHints.FromText(text).Should().Be(cuda);

    [Fact]
    public void A_dockerfile_without_a_cuda_base_takes_cuda_from_its_wheels()
    {
        var doc = DockerfileParser.Parse(new SourceText("Dockerfile", "FROM python:3.10\nRUN pip install torch==2.1.0 --index-url https://download.pytorch.org/whl/cu118\n"));
        doc.CudaVersion.Should().Be("11.8");
        doc.RequestsGpu.Should().BeFalse("a CUDA wheel alone does not request a GPU at run time");
    }

    [Theory]
    [InlineData(".tool-versions", "nodejs 20.11.0\npython 3.11.9 3.10.14 # two\n", new[] { "3.11.9", "3.10.14" })]
    [InlineData("mise.toml", "[env]\npython = \"2.0\"\n[tools]\nnode = \"20\"\npython = \"3.12\"\n", new[] { "3.12" })]
    [InlineData(".mise.toml", "[tools]\npython = [\"3.11\", \"3.12.1\"]\n", new[] { "3.11", "3.12.1" })]
    [InlineData("mise.toml", "[tools]\nuv = \"latest\"\n", new string[0])]
    public void Version_manager_tool_files_pin_python(string path, string text, string[] versions) =>
        RuntimeParser.ParseToolVersions(new SourceText(path, text)).Select(r => r.Version).Should().Equal(versions);

    [Theory]
    [InlineData(">=3.8,<4.0", true)]
    [InlineData("^3.8", true)]
    [InlineData(">=3.12", true)]
    [InlineData("~=3.8", true)]
    [InlineData(">=3.8,<3.9 || >=3.10", true)]
    [InlineData(">=3.7.1,<3.10", false)]
    [InlineData("==3.11.*", false)]
    [InlineData("3.10", false)]
    [InlineData("~3.10", false)]
    [InlineData("~=3.10.4", false)]
    [InlineData(">=3.9, <3.12", false)]
    public void Open_python_constraints_leave_the_version_unfixed(string constraint, bool open) =>
        MLRepro.Checks.Environment.EnvExampleCheck.IsOpenPythonConstraint(constraint).Should().Be(open);
}

using System.Diagnostics;
using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Conda;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Pipfile;
using MLRepro.Formats.PyProject;
using MLRepro.Formats.SetupPy;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Environment;

/// <summary>Hostile inputs: each must end in diagnostics, within a bounded time, never an exception or a hang.</summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    /// <summary>
    /// For the scale tests: generous, since the build machine's two cores are shared, yet far below what a
    /// quadratic algorithm would take on these sizes (minutes).
    /// </summary>
    private static readonly TimeSpan BoundedLarge = TimeSpan.FromSeconds(20);

    private static ProjectModel Model(TempDir t) => ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });

    [Fact]
    public void Yaml_alias_bomb_is_stopped_by_the_expansion_limit()
    {
        var sb = new StringBuilder("name: lol\nvalues:\n  a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"  a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        sb.Append("dependencies:\n  - numpy\n");
        var sw = Stopwatch.StartNew();
        var doc = CondaEnvironmentParser.Parse(new SourceText("environment.yml", sb.ToString()));
        sw.Elapsed.Should().BeLessThan(Bounded);
        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.alias-limit" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Ten_thousand_deep_yaml_json_and_toml_are_refused_with_a_diagnostic()
    {
        const int depth = 10_000;
        var sw = Stopwatch.StartNew();
        var yamlFlow = CondaEnvironmentParser.Parse(new SourceText("environment.yml", "dependencies: " + new string('[', depth) + new string(']', depth) + "\n"));
        yamlFlow.Diagnostics.Should().Contain(d => d.Code == "yaml.too-deep" || d.Code == "yaml.syntax");

        var block = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            block.Append(' ', Math.Min(i, 2000)).Append("- \n");
        }

        var yamlBlock = ComposeParser.Parse(new SourceText("docker-compose.yml", "services:\n" + new string('-', 1) + " " + string.Concat(Enumerable.Repeat("- ", depth)) + "x\n"));
        yamlBlock.Diagnostics.Should().NotBeEmpty();

        var json = DevcontainerParser.Parse(new SourceText(".devcontainer/devcontainer.json", "{\"a\": " + new string('[', depth) + new string(']', depth) + "}"));
        json.Diagnostics.Should().Contain(d => d.Code == "devcontainer.syntax");
        var lockJson = PipfileLockParser.Parse(new SourceText("Pipfile.lock", new string('{', depth)));
        lockJson.Diagnostics.Should().Contain(d => d.Code == "pipfilelock.syntax");

        var toml = PyProjectParser.Parse(new SourceText("pyproject.toml", "[project]\ndependencies = " + new string('[', depth) + new string(']', depth) + "\n"));
        toml.Diagnostics.Should().ContainSingle(d => d.Code == "pyproject.too-deep").Which.Span!.Value.Line.Should().Be(2);
        var inline = PyProjectParser.Parse(new SourceText("pyproject.toml", "x = " + string.Concat(Enumerable.Repeat("{a=", depth)) + "1" + new string('}', depth) + "\n"));
        inline.Diagnostics.Should().Contain(d => d.Code == "pyproject.too-deep");
        var dotted = PyProjectParser.Parse(new SourceText("pyproject.toml", "[" + string.Join('.', Enumerable.Repeat("a", depth)) + "]\nx = 1\n" + string.Join('.', Enumerable.Repeat("b", depth)) + " = 2\n"));
        dotted.Should().NotBeNull();

        // Block nesting by indentation: 1,000 levels (the text grows quadratically with depth).
        var indented = new StringBuilder();
        for (var i = 0; i < 1_000; i++)
        {
            indented.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var blockMaps = CondaEnvironmentParser.Parse(new SourceText("environment.yml", indented.ToString()));
        blockMaps.Diagnostics.Should().Contain(d => d.Code == "yaml.too-deep");
        sw.Elapsed.Should().BeLessThan(Bounded * 4);
    }

    [Fact]
    public void A_200_MB_requirements_file_is_never_read_and_reported()
    {
        using var t = new TempDir();
        var path = Path.Combine(t.Path, "requirements.txt");
        using (var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var line = Encoding.ASCII.GetBytes("numpy==1.26.2 --hash=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
            long written = 0;
            var block = new byte[line.Length * 8192];
            for (var i = 0; i < 8192; i++)
            {
                line.CopyTo(block, i * line.Length);
            }

            while (written < 200L * 1024 * 1024)
            {
                fs.Write(block);
                written += block.Length;
            }
        }

        var sw = Stopwatch.StartNew();
        var model = Model(t);
        model.ParseAll();
        sw.Elapsed.Should().BeLessThan(Bounded);
        model.DependencyFiles.Should().BeEmpty();
        model.Diagnostics.Should().Contain(d => d.Path == "requirements.txt" && d.Code == "environment.too-large");
    }

    [Fact]
    public void Binary_yaml_and_invalid_utf8_become_diagnostics()
    {
        using var t = new TempDir();
        t.WriteBytes("environment.yml", [.. "name: x\ndependencies:\n  - numpy\n"u8, 0, 1, 2, 0xFF, 0]);
        t.WriteBytes("docker-compose.yml", [.. "services:\n  app:\n    image: "u8, 0x01, 0x02, .. "bad\n"u8]);
        t.WriteBytes("requirements.txt", [.. "torch==2.1.0\nna\xC3"u8, 0xC3, 0x28, .. "mpy==1\n"u8]);
        var model = Model(t);
        model.ParseAll();
        model.Diagnostics.Should().Contain(d => d.Path == "environment.yml" && d.Code == "environment.binary");
        model.Diagnostics.Should().Contain(d => d.Path == "docker-compose.yml" && d.Code == "yaml.control-character" && d.Span!.Value.Line == 3);
        model.Diagnostics.Should().Contain(d => d.Path == "requirements.txt" && d.Code == "text.invalid-utf8");
        model.Dependencies.Should().Contain(d => d.Name == "torch" && d.ExactVersion == "2.1.0");
    }

    [Fact]
    public void Crlf_and_bom_do_not_change_what_is_read()
    {
        const string lf = "name: env\ndependencies:\n  - python=3.10\n  - pip:\n    - torch==2.1.0\n";
        using var t = new TempDir();
        t.Write("a/environment.yml", lf);
        t.WriteBytes("b/environment.yml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        t.Write("a/requirements.txt", "numpy==1.0 \\\n  ; python_version > \"3\"\n");
        t.WriteBytes("b/requirements.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("numpy==1.0 \\\r\n  ; python_version > \"3\"\r\n")]);
        var model = Model(t);
        var a = model.Dependencies.Where(d => d.Path.StartsWith("a/", StringComparison.Ordinal)).Select(d => d with { Path = d.Path[2..] }).ToList();
        var b = model.Dependencies.Where(d => d.Path.StartsWith("b/", StringComparison.Ordinal)).Select(d => d with { Path = d.Path[2..] }).ToList();
        a.Should().HaveCount(3);
        b.Should().BeEquivalentTo(a, o => o.WithStrictOrdering());
        model.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_last_wins()
    {
        var yaml = CondaEnvironmentParser.Parse(new SourceText("environment.yml", "name: a\nname: b\ndependencies:\n  - numpy\n"));
        yaml.EnvironmentName.Should().Be("b");
        yaml.Diagnostics.Should().ContainSingle(d => d.Code == "yaml.duplicate-key").Which.Span!.Value.Line.Should().Be(2);

        var toml = PyProjectParser.Parse(new SourceText("pyproject.toml", "[project]\nname = \"a\"\nname = \"b\"\n"));
        toml.Diagnostics.Should().ContainSingle(d => d.Code == "pyproject.duplicate-key").Which.Span!.Value.Line.Should().Be(3);
        var tables = PyProjectParser.Parse(new SourceText("pyproject.toml", "[project]\nname = \"a\"\n[tool.x]\na = 1\n[project]\nversion = \"1\"\n[[tool.p]]\nn = 1\n[[tool.p]]\nn = 2\n"));
        tables.Diagnostics.Should().ContainSingle(d => d.Code == "pyproject.duplicate-key").Which.Span!.Value.Line.Should().Be(5);

        var json = PipfileLockParser.Parse(new SourceText("Pipfile.lock", "{\"default\": {\"numpy\": {\"version\": \"==1.0\"}, \"numpy\": {\"version\": \"==2.0\"}}}"));
        json.Dependencies.Should().OnlyContain(d => d.Name == "numpy");
    }

    [Fact]
    public void Jinja_templated_yaml_is_read_with_a_diagnostic_and_unknown_versions()
    {
        const string meta = "{% set version = \"1.2.3\" %}\nname: {{ name }}\ndependencies:\n  - python {{ python }}\n  - numpy >=1.20\n{% if cuda %}\n  - cudatoolkit\n{% endif %}\n";
        var sw = Stopwatch.StartNew();
        var doc = CondaEnvironmentParser.Parse(new SourceText("environment.yml", meta));
        sw.Elapsed.Should().BeLessThan(Bounded);
        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.template");
        doc.Dependencies.Select(d => d.Name).Should().Equal("python", "numpy", "cudatoolkit");
        doc.Dependencies[0].Specifier.Should().BeNull("a templated version is unknown");
        doc.Dependencies[1].Specifier.Should().Be(">=1.20");
        doc.Dependencies[1].Line.Should().Be(5);
    }

    [Fact]
    public void Include_cycles_and_self_includes_terminate()
    {
        using var t = new TempDir();
        t.Write("requirements.txt", "-r requirements.txt\n-r reqs/a.txt\nnumpy\n");
        t.Write("reqs/a.txt", "-r ../requirements.txt\n-r b.txt\n");
        t.Write("reqs/b.txt", "-r a.txt\npandas\n");
        var model = Model(t);
        model.DependencyFiles.Select(f => f.Path).Should().Equal("reqs/a.txt", "reqs/b.txt", "requirements.txt");
        model.Dependencies.Select(d => d.Name).Should().Equal("pandas", "numpy");
    }

    [Fact]
    public void Setup_py_is_never_executed()
    {
        using var t = new TempDir();
        var marker = Path.Combine(t.Path, "executed");
        t.Write("setup.py", $"import pathlib; pathlib.Path({System.Text.Json.JsonSerializer.Serialize(marker)}).write_text('x')\nfrom setuptools import setup\nsetup(install_requires=['numpy==1.0'])\n");
        var model = Model(t);
        model.Dependencies.Should().ContainSingle(d => d.Name == "numpy" && d.ExactVersion == "1.0");
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public void Hundreds_of_thousands_of_continuation_lines_stay_linear()
    {
        var sw = Stopwatch.StartNew();
        var cont = RequirementsParserParse(string.Concat(Enumerable.Repeat("a \\\n", 400_000)) + "numpy==1\n");
        sw.Elapsed.Should().BeLessThan(BoundedLarge);
        cont.Dependencies.Should().BeEmpty("the joined line is not a requirement");
        cont.Diagnostics.Should().ContainSingle(d => d.Code == "requirements.syntax");
    }

    [Fact]
    public void A_yaml_mapping_with_90_000_keys_stays_linear()
    {
        var yaml = new StringBuilder("name: x\nextra:\n");
        for (var i = 0; i < 90_000; i++)
        {
            yaml.Append("  k").Append(i).Append(": v\n");
        }

        yaml.Append("dependencies:\n  - numpy\n");
        var sw = Stopwatch.StartNew();
        CondaEnvironmentParser.Parse(new SourceText("environment.yml", yaml.ToString())).Dependencies.Should().ContainSingle();
        sw.Elapsed.Should().BeLessThan(BoundedLarge);
    }

    [Fact]
    public void A_pipfile_with_20_000_packages_stays_linear()
    {
        var pipfile = new StringBuilder("[packages]\n");
        for (var i = 0; i < 20_000; i++)
        {
            pipfile.Append("pkg").Append(i).Append(" = \"==1.0\"\n");
        }

        var sw = Stopwatch.StartNew();
        var pf = PipfileParser.Parse(new SourceText("Pipfile", pipfile.ToString()));
        sw.Elapsed.Should().BeLessThan(BoundedLarge);
        pf.Diagnostics.Should().BeEmpty();
        pf.Dependencies.Should().HaveCount(20_000);
        pf.Dependencies[0].Line.Should().Be(2);
    }

    [Fact]
    public void A_setup_py_with_50_000_install_requires_stays_linear()
    {
        var setup = string.Concat(Enumerable.Repeat("setup(install_requires=x)\n", 50_000));
        var sw = Stopwatch.StartNew();
        SetupPyParser.Parse(new SourceText("setup.py", setup)).Diagnostics.Should().Contain(d => d.Code == "setuppy.too-many");
        sw.Elapsed.Should().BeLessThan(BoundedLarge);
    }

    private static DependencyFileDocument RequirementsParserParse(string text) => MLRepro.Formats.Requirements.RequirementsParser.Parse(new SourceText("requirements.txt", text));

    [Fact]
    public void Toml_keys_whose_hash_codes_collide_are_not_duplicates()
    {
        // Tomlyn's validating pass confuses keys with equal string hash codes; find such a pair in this process.
        var byHash = new Dictionary<int, string>();
        string a, b;
        for (var i = 0; ; i++)
        {
            var k = "pkg" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (byHash.TryGetValue(k.GetHashCode(StringComparison.Ordinal), out var other))
            {
                (a, b) = (other, k);
                break;
            }

            byHash[k.GetHashCode(StringComparison.Ordinal)] = k;
        }

        var doc = PipfileParser.Parse(new SourceText("Pipfile", $"[packages]\n{a} = \"==1.0\"\n{b} = \"==2.0\"\n"));
        doc.Diagnostics.Should().BeEmpty();
        doc.Dependencies.Select(d => (d.Name, d.ExactVersion, d.Line)).Should().Equal((a, "1.0", 2), (b, "2.0", 3));
    }

    [Fact]
    public void Toml_duplicate_scan_ignores_multiline_strings_and_arrays()
    {
        const string text = "[project]\nname = \"x\"\ndescription = \"\"\"\nname = not a key\n\"\"\"\ndependencies = [\n  \"a\",\n  { name = \"b\" },\n]\nurls = { name = \"c\" }\n";
        var doc = PyProjectParser.Parse(new SourceText("pyproject.toml", text));
        doc.Diagnostics.Should().BeEmpty();
    }
}

using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Knowledge;

namespace MLRepro.Tests.Knowledge;

public sealed class KnowledgeTests
{
    [Theory]
    [InlineData("sklearn", "scikit-learn")]
    [InlineData("sklearn.model_selection", "scikit-learn")]
    [InlineData("PIL", "Pillow")]
    [InlineData("yaml", "PyYAML")]
    [InlineData("skimage", "scikit-image")]
    [InlineData("bs4", "beautifulsoup4")]
    [InlineData("dotenv", "python-dotenv")]
    [InlineData("attr", "attrs")]
    [InlineData("google.protobuf.json_format", "protobuf")]
    [InlineData("dateutil", "python-dateutil")]
    [InlineData("Crypto", "pycryptodome")]
    [InlineData("fitz", "PyMuPDF")]
    [InlineData("torch", "torch")]
    [InlineData("jaxlib", "jaxlib")]
    public void Known_imports_map_to_their_distribution(string module, string distribution)
    {
        ImportPackages.DistributionsFor(module)[0].Should().Be(distribution);
        ImportPackages.IsKnown(module).Should().BeTrue();
    }

    [Fact]
    public void Alternatives_follow_the_usual_distribution()
    {
        ImportPackages.DistributionsFor("cv2").Should().StartWith(["opencv-python"]).And.Contain(["opencv-python-headless", "opencv-contrib-python"]);
        ImportPackages.Provides("opencv-python-headless", "cv2").Should().BeTrue();
        ImportPackages.Provides("tensorflow", "keras").Should().BeTrue("keras ships inside tensorflow too");
        ImportPackages.Provides("scikit_learn", "sklearn").Should().BeTrue("names are compared after PEP 503 normalization");
        ImportPackages.Provides("numpy", "sklearn").Should().BeFalse();
        ImportPackages.ModulesFor("scikit-learn").Should().Contain("sklearn");
    }

    [Fact]
    public void Unknown_imports_fall_back_to_their_top_level_name()
    {
        ImportPackages.DistributionsFor("my_private_pkg.sub").Should().Equal("my_private_pkg");
        ImportPackages.IsKnown("my_private_pkg").Should().BeFalse();
        ImportPackages.DistributionsFor(" ").Should().BeEmpty();
    }

    [Fact]
    public void The_import_table_is_well_formed()
    {
        var rows = ReadResource("import-packages.tsv");
        rows.Should().HaveCountGreaterThan(300);
        rows.Should().OnlyContain(r => r.Length >= 2 && r[0].Length > 0 && r[1].Length > 0);
        rows.Select(r => r[0]).Should().OnlyHaveUniqueItems();
        ImportPackages.Count.Should().Be(rows.Count);
        // No row may claim a standard-library module for a third-party distribution by mistake.
        rows.Where(r => !r[0].Contains('.', StringComparison.Ordinal)).Select(r => r[0]).Where(m => StdlibModules.IsStdlib(m, "3.11"))
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData("os", null, true)]
    [InlineData("os.path", "3.12", true)]
    [InlineData("numpy", null, false)]
    [InlineData("tomllib", "3.10", false)]
    [InlineData("tomllib", "3.11", true)]
    [InlineData("tomllib", ">=3.11", true)]
    [InlineData("distutils", "3.11", true)]
    [InlineData("distutils", "3.12", false)]
    [InlineData("imp", "3.12.1", false)]
    [InlineData("asyncore", "3.8", true)]
    [InlineData("zoneinfo", "3.8", false)]
    [InlineData("zoneinfo", "3.9", true)]
    [InlineData("cgi", "3.13", false)]
    [InlineData("cgi", "3.12", true)]
    [InlineData("distutils", null, true)]
    [InlineData("parser", "3.9", true)]
    [InlineData("parser", "3.10", false)]
    [InlineData("dataclasses", "3.14", true)]
    public void Stdlib_membership_depends_on_the_version(string module, string? version, bool expected)
    {
        StdlibModules.IsStdlib(module, version).Should().Be(expected);
    }

    [Fact]
    public void Stdlib_table_matches_the_local_interpreter_for_its_version()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Assert.Skip("no /usr/bin/python3 to compare with");
        }

        var psi = new ProcessStartInfo(python, ["-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}'); print('\\n'.join(sorted(sys.stdlib_module_names)))"]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        var version = lines[0];
        // The table's private (underscore) modules come from 3.11; other versions are compared on public names only.
        var names = lines.Skip(1).Where(n => version == "3.11" || !n.StartsWith('_')).ToHashSet(StringComparer.Ordinal);
        names.Should().HaveCountGreaterThan(200);
        names.Where(n => !StdlibModules.IsStdlib(n, version)).Should().BeEmpty($"every module of Python {version} is in the table");
        StdlibModules.All.Where(n => (version == "3.11" || !n.StartsWith('_')) && StdlibModules.IsStdlib(n, version) && !names.Contains(n)).Should().BeEmpty($"the table claims nothing extra for Python {version}");
    }

    private static List<string[]> ReadResource(string name)
    {
        using var s = typeof(ImportPackages).Assembly.GetManifestResourceStream("MLRepro.Knowledge." + name)!;
        using var r = new StreamReader(s);
        return [.. r.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))];
    }
}

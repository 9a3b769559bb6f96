using AwesomeAssertions;
using MLRepro.Analysis;
using MLRepro.Python;

namespace MLRepro.Tests.Analysis;

/// <summary>The one resolver of local imports: module names ↔ files, relative imports, src/ layouts, sys.path roots.</summary>
public sealed class LocalModulesTests
{
    private static LocalModules Modules(params (string Path, string Code)[] files) =>
        new([.. files.Select(f => ModuleSummary.Parse(f.Path, f.Code))]);

    [Theory]
    [InlineData("pkg/__init__.py", "pkg")]
    [InlineData("src/pkg/mod.py", "src.pkg.mod")]
    [InlineData("train.py", "train")]
    [InlineData("README.md", null)]
    public void Dotted_name_of_a_file(string path, string? expected) => LocalModules.DottedName(path).Should().Be(expected);

    [Fact]
    public void Relative_imports_resolve_against_the_importers_package()
    {
        var local = Modules(("pkg/__init__.py", ""), ("pkg/a.py", "from . import b\nfrom .c import f\nfrom .. import top\n"), ("pkg/b.py", ""), ("pkg/c.py", ""), ("top.py", ""));
        var a = local.ByPath["pkg/a.py"];
        a.Imports.Select(i => string.Join(",", local.Resolve(a.Path, i))).Should().Equal("pkg/b.py,pkg/__init__.py", "pkg/c.py", "top.py");
    }

    [Fact]
    public void Absolute_imports_resolve_from_the_root_src_and_the_importers_folder()
    {
        var local = Modules(("src/proj/models.py", ""), ("scripts/train.py", "from proj.models import Net\nimport helpers\nimport numpy\n"), ("scripts/helpers.py", ""));
        var train = local.ByPath["scripts/train.py"];
        train.Imports.Select(i => string.Join(",", local.Resolve(train.Path, i))).Should().Equal("src/proj/models.py", "scripts/helpers.py", string.Empty);
    }

    [Fact]
    public void A_root_module_wins_over_a_namesake_one_folder_down()
    {
        // Ordinal path order puts a/utils.py first; Python finds the root's utils.py (the root is on sys.path).
        var local = Modules(("a/utils.py", ""), ("utils.py", ""), ("train.py", "import utils\n"));
        local.Find("train.py", "utils", 0)!.Path.Should().Be("utils.py");
    }

    [Fact]
    public void Other_sys_path_roots_are_matched_by_suffix_unless_ambiguous()
    {
        var local = Modules(("lib/vendor/net.py", ""), ("x/common.py", ""), ("y/common.py", ""), ("z/common.py", ""), ("run.py", "import net\nimport common\n"));
        local.Resolve("run.py", "net", 0).Should().Equal("lib/vendor/net.py");
        local.Resolve("run.py", "common", 0).Should().BeEmpty();
        local.IsModuleName("vendor.net").Should().BeTrue();
        local.IsTopLevelName("lib").Should().BeTrue();
        local.IsTopLevelName("numpy").Should().BeFalse();
    }

    [Fact]
    public void Closure_follows_imports_transitively_and_stops_at_third_party_code()
    {
        var local = Modules(("train.py", "import torch\nfrom models import build\n"), ("models/__init__.py", "from .net import Net\n"), ("models/net.py", "import layers\n"), ("layers.py", ""), ("unused.py", ""));
        local.Closure("train.py").Should().BeEquivalentTo(["train.py", "models/__init__.py", "models/net.py", "layers.py"]);
        local.Importers["models/net.py"].Should().Equal("models/__init__.py");
    }

    [Fact]
    public void Missing_local_import_is_a_dotted_import_into_a_local_package_that_names_nothing_there()
    {
        var local = Modules(("app/__init__.py", ""), ("app/main.py", "from app.models import net\nfrom app.main import x\nimport os.path\n"));
        local.MissingLocalImport("app/main.py")!.Module.Should().Be("app.models");
        Modules(("app/__init__.py", ""), ("app/models.py", ""), ("app/main.py", "from app.models import net\n")).MissingLocalImport("app/main.py").Should().BeNull();
    }
}

using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

public sealed class ProjectModelPythonTests
{
    [Fact]
    public void Python_modules_skip_ignored_and_vendored_files_and_appear_in_index_json()
    {
        using var t = new TempDir();
        t.Write(".gitignore", "scratch/\n");
        t.Write("src/train.py", "import numpy as np\nnp.random.seed(0)\nx = (\n");
        t.Write("notebooks/eda.ipynb", """{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["!pip install pandas\n", "import pandas as pd\n", "pd.read_csv('d.csv')"], "outputs": []}]}""");
        t.Write("scratch/tmp.py", "import os\n");
        t.Write(".venv/lib/site.py", "import os\n");
        t.Write("pkg/node_modules/x.py", "import os\n");
        t.Write("pkg/__pycache__/y.py", "import os\n");
        t.Write("stubs/z.pyi", "import os\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });

        model.PythonModules.Select(m => m.Path).Should().Equal("notebooks/eda.ipynb", "src/train.py");
        model.PythonModule("src/train.py")!.Calls.Single().Target.Should().Be("numpy.random.seed");
        model.PythonModule("scratch/tmp.py").Should().BeNull();
        model.Notebooks.Single().PipInstalls.Single().Text.Should().Be("pip install pandas");
        model.ParseAll();
        model.Diagnostics.Should().Contain(d => d.Path == "src/train.py" && d.Code == "python.unclosed-bracket");

        var sw = new StringWriter();
        ModelJsonWriter.Write(sw, model);
        using var doc = JsonDocument.Parse(sw.ToString());
        var mods = doc.RootElement.GetProperty("pythonModules");
        mods.GetArrayLength().Should().Be(2);
        var train = mods[1];
        train.GetProperty("path").GetString().Should().Be("src/train.py");
        train.GetProperty("imports")[0].GetProperty("module").GetString().Should().Be("numpy");
        train.GetProperty("calls")[0].GetProperty("target").GetString().Should().Be("numpy.random.seed");
        train.GetProperty("calls")[0].GetProperty("line").GetInt32().Should().Be(2);
        mods[0].GetProperty("pipInstalls")[0].GetProperty("command").GetString().Should().Be("pip install pandas");
    }

    [Fact]
    public void Modules_of_one_model_share_strings()
    {
        using var t = new TempDir();
        t.Write("a.py", "import numpy as np\nnp.random.seed(0)\n");
        t.Write("b.py", "import numpy\nnumpy.random.seed(1)\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        var a = model.PythonModule("a.py")!.Calls.Single().Target;
        var b = model.PythonModule("b.py")!.Calls.Single().Target;
        a.Should().Be("numpy.random.seed");
        ReferenceEquals(a, b).Should().BeTrue("call targets are pooled across the modules of a project");
    }
}

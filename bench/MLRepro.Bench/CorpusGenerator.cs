using System.Globalization;
using System.Text;

namespace MLRepro.Bench;

/// <summary>
/// Writes a synthetic ML repository of N files: Python modules with imports, classes, functions, argparse
/// and seeding calls; notebooks; YAML configs; CSV data; a README. Deterministic from the seed.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Imports =
    [
        "import os", "import sys", "import json", "import random", "import logging", "import argparse", "import numpy as np",
        "import pandas as pd", "import torch", "import torch.nn as nn", "import torch.nn.functional as F", "import yaml",
        "from pathlib import Path", "from sklearn.model_selection import train_test_split",
        "from sklearn.ensemble import RandomForestClassifier", "from torch.utils.data import DataLoader, Dataset",
        "from typing import Any, Dict, List, Optional", "from dataclasses import dataclass", "import matplotlib.pyplot as plt",
    ];

    private static readonly string[] Statements =
    [
        "x = np.random.rand({0}, {1})", "df = pd.read_csv(\"data/part_{0}.csv\")", "loss = F.cross_entropy(logits, target)",
        "optimizer.zero_grad()", "loss.backward()", "optimizer.step()", "logger.info(f\"epoch {{epoch}}: loss={{loss.item():.4f}}\")",
        "values = [v * {0} for v in range({1}) if v % 2 == 0]", "path = Path(cfg[\"data\"][\"root\"]) / \"split_{0}\"",
        "result = {{\"acc\": acc, \"f1\": f1, \"step\": {0}}}", "torch.manual_seed({0})", "np.random.seed({0})", "random.seed({0})",
        "model = RandomForestClassifier(n_estimators={0}, random_state={1})", "model.fit(X_train, y_train)",
        "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state={0})",
        "with open(\"configs/run_{0}.yaml\") as fh:\n{ind}    cfg = yaml.safe_load(fh)", "plt.plot(values, label=\"run {0}\")",
        "if total > {0}:\n{ind}    total = total // {1}", "for i, batch in enumerate(loader):\n{ind}    out = model(batch[\"x\"].to(device))",
    ];

    public static (int Files, long Bytes) Generate(string root, int files, int seed)
    {
        var rng = new Random(seed);
        Directory.CreateDirectory(root);
        long bytes = 0;
        var written = 0;
        void Write(string rel, string content)
        {
            var full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            bytes += Encoding.UTF8.GetByteCount(content);
            written++;
        }

        Write("README.md", "# Synthetic project\n\nGenerated for benchmarks.\n\n```\npip install -r requirements.txt\npython train.py --config configs/run_0.yaml\n```\n");
        Write("requirements.txt", "numpy==1.24.2\npandas==1.5.3\ntorch==1.13.1\nscikit-learn==1.2.1\npyyaml==6.0\n");
        for (var i = 0; written < files; i++)
        {
            var pkg = $"pkg{i % 50:D2}/sub{(i / 50) % 20:D2}";
            var roll = rng.Next(100);
            if (roll < 75)
            {
                Write($"{pkg}/module_{i:D5}.py", PythonModule(rng, i));
            }
            else if (roll < 80)
            {
                Write($"notebooks/{pkg}/nb_{i:D5}.ipynb", Notebook(rng, i));
            }
            else if (roll < 90)
            {
                Write($"configs/{pkg}/run_{i:D5}.yaml", $"seed: {rng.Next(1000)}\ntrain:\n  lr: {rng.NextDouble().ToString("F4", CultureInfo.InvariantCulture)}\n  epochs: {rng.Next(1, 100)}\n  batch_size: {1 << rng.Next(3, 9)}\ndata:\n  root: data/{pkg}\n  splits: [train, val, test]\n");
            }
            else
            {
                var sb = new StringBuilder("id,feature_a,feature_b,label\n");
                var rows = rng.Next(10, 200);
                for (var r = 0; r < rows; r++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{r},{rng.NextDouble():F5},{rng.Next(1000)},{rng.Next(2)}\n");
                }

                Write($"data/{pkg}/part_{i:D5}.csv", sb.ToString());
            }
        }

        return (written, bytes);
    }

    private static string PythonModule(Random rng, int n)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"\"\"\"Module {n}: part of the synthetic training pipeline.\"\"\"\n");
        foreach (var imp in Imports.OrderBy(_ => rng.Next()).Take(rng.Next(4, 12)).Order(StringComparer.Ordinal))
        {
            sb.Append(imp).Append('\n');
        }

        sb.Append("\nlogger = logging.getLogger(__name__)\nSEED = ").Append(rng.Next(10_000)).Append("\nEPOCHS = ").Append(rng.Next(1, 50)).Append("\n\n");
        var classes = rng.Next(0, 3);
        for (var c = 0; c < classes; c++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nclass Model{n}_{c}(nn.Module):\n    \"\"\"A model.\"\"\"\n\n    def __init__(self, hidden: int = {rng.Next(8, 512)}) -> None:\n        super().__init__()\n        self.fc = nn.Linear(hidden, {rng.Next(2, 10)})\n\n    def forward(self, x):\n        return F.relu(self.fc(x))  # activation\n\n");
        }

        var funcs = rng.Next(2, 9);
        for (var f = 0; f < funcs; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\ndef step_{f}(cfg: Dict[str, Any], epoch: int = 0, *args, **kwargs) -> Optional[float]:\n    total = 0\n");
            var stmts = rng.Next(3, 15);
            for (var s = 0; s < stmts; s++)
            {
                var st = Statements[rng.Next(Statements.Length)].Replace("{ind}", "    ", StringComparison.Ordinal);
                sb.Append("    ").Append(string.Format(CultureInfo.InvariantCulture, st, rng.Next(1, 500), rng.Next(1, 500))).Append('\n');
            }

            sb.Append("    return total\n\n");
        }

        if (rng.Next(3) == 0)
        {
            sb.Append("\ndef main() -> None:\n    parser = argparse.ArgumentParser(description=__doc__)\n    parser.add_argument(\"--lr\", type=float, default=0.01)\n    parser.add_argument(\"--epochs\", type=int, default=EPOCHS)\n    parser.add_argument(\"--seed\", type=int, default=SEED)\n    args = parser.parse_args()\n    step_0({\"lr\": args.lr}, epoch=args.epochs)\n\n\nif __name__ == \"__main__\":\n    main()\n");
        }

        return sb.ToString();
    }

    private static string Notebook(Random rng, int n)
    {
        static string Cell(string src) =>
            "  {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], \"source\": [" +
            string.Join(", ", src.Split('\n').Select(l => System.Text.Json.JsonSerializer.Serialize(l + "\n"))) + "]}";
        var cells = new List<string>
        {
            "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Notebook " + n + "\"]}",
            Cell("!pip install scikit-learn==1.2.1\nimport numpy as np\nimport pandas as pd"),
            Cell($"np.random.seed({rng.Next(100)})\ndf = pd.read_csv(\"data/part_{n}.csv\")\ndf.describe()"),
            Cell("%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.hist(df[\"feature_a\"], bins=20)"),
        };
        return "{\n \"cells\": [\n" + string.Join(",\n", cells) + "\n ],\n \"metadata\": {\"kernelspec\": {\"language\": \"python\", \"name\": \"python3\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
    }
}

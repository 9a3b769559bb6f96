using MLRepro.Findings;
using MLRepro.Reporting;

namespace MLRepro.Tests.Support;

/// <summary>Hand-built reports for reporter tests (reporters are tested without the checks below them).</summary>
internal static class SampleReports
{
    public static Report TwoStars() => new()
    {
        Tool = new ToolInfo("mlrepro", "0.1.0"),
        Project = new ProjectInfo("acme/penguins", "0123456789abcdef0123456789abcdef01234567", "main", "https://github.com/acme/penguins.git", false, ["scikit-learn"], 12),
        Stars = 2,
        Levels =
        [
            new ReportLevel(1, "Code", 3, 3, true),
            new ReportLevel(2, "Configuration", 4, 4, true),
            new ReportLevel(3, "Data", 1, 3, false),
            new ReportLevel(4, "Environment", 1, 2, false),
            new ReportLevel(5, "Evaluation", 0, 2, false),
        ],
        Findings =
        [
            F("code.runs", 1, "Code runs", Outcome.Met, Source.Found, "train.py is the entry point; its imports are declared.", [new ReportEvidence("train.py", 30, "if __name__ == \"__main__\":", "entry point")]),
            F("code.example-input", 1, "Example input", Outcome.Met, Source.Found, "data/penguins.csv is committed.", [new ReportEvidence("data/penguins.csv", null, null, "tracked by git, 9.2 KiB")]),
            F("code.deterministic", 1, "Deterministic output", Outcome.Met, Source.Verified, "two runs gave bit-identical outputs.", [new ReportEvidence("model.pkl", null, null, "identical in both runs")]),
            F("config.files", 2, "Config files", Outcome.Met, Source.Found, "params.yaml holds 5 parameters.", [new ReportEvidence("params.yaml", 1, "seed: 42", "config file")]),
            F("config.seeds", 2, "Seeds in config", Outcome.Met, Source.Found, "every RNG is seeded from params.yaml:seed.", [new ReportEvidence("train.py", 12, "np.random.seed(seed)", "NumPy seeded from config key seed")]),
            F("config.used", 2, "Config used", Outcome.Met, Source.Found, "train.py loads params.yaml and reads every key.", []),
            F("config.deterministic", 2, "Same config, same result", Outcome.Met, Source.Found, "seeds from config cover every RNG.", []),
            F("data.managed", 3, "Data managed", Outcome.Met, Source.Found, "data is committed.", []),
            F("data.documented", 3, "Data documented", Outcome.NotMet, Source.Found, "no description of the data's structure was found.", [new ReportEvidence("", null, null, "searched README.md and 0 other documents for column names")], "Describe the columns."),
            F("data.swappable", 3, "Data swappable", Outcome.Partial, Source.Found, "train.py reads a hard-coded path.", [new ReportEvidence("train.py", 14, "pd.read_csv(\"data/penguins.csv\")", "hard-coded input path <script>")], "Read the path from params.yaml."),
            F("data.pipeline", 3, "Pipeline stages", Outcome.NotApplicable, Source.Found, "a small, cheap project: no pipeline needed.", []),
            F("env.packages", 4, "Package list", Outcome.Partial, Source.Found, "requirements.txt is not pinned.", [new ReportEvidence("requirements.txt", 1, "pandas", "no version")], "Pin exact versions."),
            F("env.example", 4, "Example environment", Outcome.NotMet, Source.Found, "no Dockerfile.", [], "Add a Dockerfile."),
            F("env.hardware", 4, "Hardware documented", Outcome.NotApplicable, Source.Found, "CPU only.", []),
            F("eval.predict", 5, "Predict on custom input", Outcome.NotMet, Source.Found, "no app or predict script.", [], "Add a predict script."),
            new ReportFinding("eval.compare", 5, "Compare runs", Outcome.NotMet, Source.Found, "metrics are only printed.", [], "Write metrics.json.", [new SupersededFinding(Source.Declared, Outcome.Met, "REPRODUCIBILITY.md ticks \"Compare runs\"")]),
        ],
        Facts = new ProjectFacts
        {
            EntryPoints = [new FactEntryPoint("MainGuard", "train.py", 30, null, "train.py")],
            ConfigFiles = [new FactFile("params.yaml", null, "5 parameter(s)")],
            Data = [new FactData("data/penguins.csv", "committed (1 file)", "data/penguins.csv", null), new FactData("data/<script>alert(1)</script>.csv", "committed (1 file)", "data/<script>alert(1)</script>.csv", null)],
            Stages = [new FactStage("Dvc", "train", "dvc.yaml", 3, ["python train.py --out model.pkl | tee log"], ["data/penguins.csv"], ["model.pkl"])],
            PackageFiles = [new FactFile("requirements.txt", null, "Requirements: 2 package(s), 0 pinned")],
        },
        Diagnostics = [new ReportDiagnostic("conf/bad.yaml", 3, MLRepro.Text.DiagnosticSeverity.Error, "yaml.syntax", "mapping values are not allowed here")],
    };

    private static ReportFinding F(string id, int level, string title, Outcome o, Source s, string msg, IReadOnlyList<ReportEvidence> ev, string? fix = null) =>
        new(id, level, title, o, s, msg, ev, fix, []);
}

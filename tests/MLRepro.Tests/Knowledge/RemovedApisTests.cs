using AwesomeAssertions;
using MLRepro.Knowledge;

namespace MLRepro.Tests.Knowledge;

public sealed class RemovedApisTests
{
    [Theory]
    [InlineData("==1.15.5", "2.0", true)]
    [InlineData("<2", "2.0", true)]
    [InlineData("<2.0", "2.0", true)]
    [InlineData("<=1.15", "2.0", true)]
    [InlineData("~=1.15", "2.0", true)]
    [InlineData("==1.*", "2.0", true)]
    [InlineData("3.7", "3.8", true)]
    [InlineData("3.10", "3.8", false)]
    [InlineData(">=3.7.1,<3.10", "3.8", false)]
    [InlineData(">=1.15", "2.0", false)]
    [InlineData("~=2.1", "2.0", false)]
    [InlineData("==2.4.1", "2.0", false)]
    [InlineData(null, "2.0", false)]
    public void Allows_only_releases_before_the_removal(string? specifier, string removedIn, bool expected) =>
        RemovedApis.AllowsOnlyBefore(specifier, removedIn).Should().Be(expected);

    [Theory]
    [InlineData("time.clock", "python")]
    [InlineData("tensorflow.placeholder", "tensorflow")]
    [InlineData("tensorflow.contrib.layers.flatten", "tensorflow")]
    [InlineData("scipy.misc.imresize", "scipy")]
    public void Removed_calls_are_known(string target, string package) =>
        RemovedApis.ForCall(target)!.Package.Should().Be(package);

    [Theory]
    [InlineData("tensorflow.compat.v1.placeholder")]
    [InlineData("time.perf_counter")]
    [InlineData("torch.cuda.is_available")]
    public void Current_calls_are_not_flagged(string target) => RemovedApis.ForCall(target).Should().BeNull();

    [Fact]
    public void Imports_and_source_lines_match()
    {
        RemovedApis.ForImport("sklearn.externals", "joblib")!.Package.Should().Be("scikit-learn");
        RemovedApis.ForImport("sklearn.model_selection", "train_test_split").Should().BeNull();
        RemovedApis.ForLine("        train_loss += loss.data[0]").Should().ContainSingle(a => a.Package == "torch");
        RemovedApis.ForLine("        first = outputs.data[0]").Should().BeEmpty();
        RemovedApis.ForLine("x = np.zeros(3, dtype=np.float)").Should().ContainSingle(a => a.Package == "numpy");
        RemovedApis.ForLine("x = np.zeros(3, dtype=np.float32)").Should().BeEmpty();
    }

    [Fact]
    public void Later_library_removals_are_known()
    {
        RemovedApis.ForImport("sklearn.metrics", "plot_confusion_matrix")!.RemovedIn.Should().Be("1.2");
        RemovedApis.ForImport("sklearn.metrics", "ConfusionMatrixDisplay").Should().BeNull();
        RemovedApis.ForImport("datasets", "load_metric")!.Package.Should().Be("datasets");
        RemovedApis.ForLine("    args = TrainingArguments(output_dir=out, evaluation_strategy=\"epoch\")").Should().ContainSingle(a => a.Package == "transformers");
        RemovedApis.ForLine("    args = TrainingArguments(output_dir=out, eval_strategy=\"epoch\")").Should().BeEmpty();
    }

    [Fact]
    public void Tabular_and_torch_removals_are_known()
    {
        // scikit-learn 1.6 removed mean_squared_error(squared=False); LightGBM 4.0 removed train()/cv()'s early_stopping_rounds and
        // verbose_eval (callbacks replace them); PyTorch 2.3 removed torch._utils._accumulate.
        RemovedApis.ForCall("sklearn.metrics.mean_squared_error", [null, null, "squared"], 2)!.RemovedIn.Should().Be("1.6");
        RemovedApis.ForCall("sklearn.metrics.mean_squared_error", [null, null], 2).Should().BeNull();
        RemovedApis.ForCall("lightgbm.train", [null, null, "num_boost_round", "early_stopping_rounds"], 2)!.Package.Should().Be("lightgbm");
        RemovedApis.ForCall("lightgbm.cv", [null, null, "verbose_eval"], 2)!.RemovedIn.Should().Be("4.0.0");
        RemovedApis.ForCall("lightgbm.train", [null, null, "callbacks"], 2).Should().BeNull();
        RemovedApis.ForImport("torch._utils", "_accumulate")!.Package.Should().Be("torch");
        RemovedApis.ForImport("torch.utils.data", "random_split").Should().BeNull();
    }

    [Fact]
    public void Keyword_only_and_removed_keyword_calls_are_known()
    {
        // librosa 0.10 made filters.mel's parameters keyword-only and pad_center's size keyword-only.
        RemovedApis.ForCall("librosa.filters.mel", [null, null, null], 3)!.Package.Should().Be("librosa");
        RemovedApis.ForCall("librosa.filters.mel", ["sr", "n_fft"], 0).Should().BeNull();
        RemovedApis.ForCall("librosa.util.pad_center", [null, null], 2)!.RemovedIn.Should().Be("0.10.0");
        RemovedApis.ForCall("librosa.util.pad_center", [null, "size"], 1).Should().BeNull();
        RemovedApis.ForCall("librosa.load", [null, "sr"], 1).Should().BeNull();
        RemovedApis.ForCall("librosa.output.write_wav", [null, null, "sr"], 2)!.RemovedIn.Should().Be("0.8.0");

        // torchvision renamed save_image/make_grid's range to value_range.
        RemovedApis.ForCall("torchvision.utils.save_image", [null, null, "normalize", "range"], 2)!.Package.Should().Be("torchvision");
        RemovedApis.ForCall("torchvision.utils.save_image", [null, null, "normalize", "value_range"], 2).Should().BeNull();
        RemovedApis.ForCall("torchvision.utils.make_grid", [null, "range"], 1)!.Package.Should().Be("torchvision");
    }

    [Fact]
    public void Removals_of_gym_keras_and_gradio_are_known()
    {
        // gym 0.26's step returns five values (terminated, truncated): a four-name unpacking raises ValueError.
        RemovedApis.ForLine("        next_state, reward, done, _ = env.step(action)").Should().ContainSingle(a => a.Package == "gym");
        RemovedApis.ForLine("        obs, reward, terminated, truncated, info = env.step(action)").Should().BeEmpty();
        // Keras 3 rejects the optimizers' lr keyword.
        RemovedApis.ForCall("keras.optimizers.Adam", ["lr"], 0)!.RemovedIn.Should().Be("3.0");
        RemovedApis.ForCall("keras.optimizers.Adam", ["learning_rate"], 0).Should().BeNull();
        // Gradio 4 removed the components' .style() method.
        RemovedApis.ForLine("    box = gr.Textbox(show_label=False).style(container=False)").Should().ContainSingle(a => a.Package == "gradio");
    }

    [Fact]
    public void A_removed_keyword_value_is_known()
    {
        // scikit-learn 1.3 rejects max_features='auto' in the forests and trees; the keyword itself stays.
        RemovedApis.ForCall("sklearn.ensemble.RandomForestClassifier", [null, "max_features"], 0, k => k == "max_features" ? "auto" : null)!.RemovedIn.Should().Be("1.3");
        RemovedApis.ForCall("sklearn.ensemble.RandomForestClassifier", ["max_features"], 0, k => "sqrt").Should().BeNull();
        RemovedApis.ForCall("sklearn.ensemble.RandomForestClassifier", ["max_features"], 0).Should().BeNull();
    }
}

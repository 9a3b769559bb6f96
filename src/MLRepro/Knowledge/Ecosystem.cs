namespace MLRepro.Knowledge;

/// <summary>A tool recognised by its top-level import (a framework, an app server, a tracker).</summary>
/// <param name="Module">Dotted import prefix, e.g. "torch", "mlflow", "torch.utils.tensorboard".</param>
/// <param name="Name">Display name.</param>
public sealed record KnownTool(string Module, string Name)
{
    /// <summary>Whether an imported module (dotted) is this tool or one of its submodules.</summary>
    public bool Matches(string module) =>
        module.StartsWith(Module, StringComparison.Ordinal) && (module.Length == Module.Length || module[Module.Length] == '.');
}

/// <summary>Tables of the ML ecosystem: frameworks, serving/app frameworks, experiment trackers, GPU markers.</summary>
public static class Ecosystem
{
    /// <summary>ML frameworks, for the catalog's framework filter.</summary>
    public static IReadOnlyList<KnownTool> Frameworks { get; } =
    [
        new("sklearn", "scikit-learn"), new("torch", "pytorch"), new("tensorflow", "tensorflow"), new("keras", "keras"),
        new("jax", "jax"), new("flax", "jax"), new("xgboost", "xgboost"), new("lightgbm", "lightgbm"), new("catboost", "catboost"),
        new("transformers", "transformers"), new("pytorch_lightning", "pytorch"), new("lightning", "pytorch"),
        new("statsmodels", "statsmodels"), new("mxnet", "mxnet"), new("paddle", "paddlepaddle"), new("fastai", "fastai"),
        new("spacy", "spacy"), new("gensim", "gensim"), new("prophet", "prophet"), new("onnxruntime", "onnx"),
    ];

    /// <summary>Apps and servers that let a user try the model on custom input (eval.predict).</summary>
    public static IReadOnlyList<KnownTool> Apps { get; } =
    [
        new("streamlit", "Streamlit"), new("gradio", "Gradio"), new("fastapi", "FastAPI"), new("flask", "Flask"),
        new("bentoml", "BentoML"), new("cog", "Cog"), new("mlflow.pyfunc", "MLflow pyfunc"), new("ts.torch_handler", "TorchServe"),
        new("ray.serve", "Ray Serve"), new("litserve", "LitServe"), new("django", "Django"), new("panel", "Panel"),
        new("dash", "Dash"), new("shiny", "Shiny"), new("ipywidgets", "ipywidgets"), new("chainlit", "Chainlit"),
        new("starlette", "Starlette"), new("tornado", "Tornado"), new("aiohttp.web", "aiohttp"), new("kserve", "KServe"),
        new("seldon_core", "Seldon Core"), new("tritonclient", "Triton"),
    ];

    /// <summary>Experiment trackers and metric loggers whose output is comparable across runs (eval.compare).</summary>
    public static IReadOnlyList<KnownTool> Trackers { get; } =
    [
        new("mlflow", "MLflow"), new("wandb", "Weights & Biases"), new("dvclive", "DVCLive"), new("torch.utils.tensorboard", "TensorBoard"),
        new("tensorboardX", "TensorBoard"), new("tensorboard", "TensorBoard"), new("tensorboard_logger", "TensorBoard"), new("aim", "Aim"), new("clearml", "ClearML"),
        new("neptune", "Neptune"), new("comet_ml", "Comet"), new("sacred", "Sacred"), new("guild", "Guild AI"),
        new("optuna", "Optuna"), new("tensorflow.summary", "TensorBoard"), new("keras.callbacks.TensorBoard", "TensorBoard"),
        new("tensorflow.contrib.summary", "TensorBoard"), new("tensorflow.compat.v1.summary", "TensorBoard"), new("tensorflow.compat.v2.summary", "TensorBoard"),
        new("tensorflow.keras.callbacks.TensorBoard", "TensorBoard"),
        new("polyaxon", "Polyaxon"), new("mlrun", "MLRun"),
        // Training-loop callbacks that write every epoch's metrics to a file in the run's folder.
        new("keras.callbacks.CSVLogger", "CSV metrics log"), new("tensorflow.keras.callbacks.CSVLogger", "CSV metrics log"),
        new("pytorch_lightning.loggers.CSVLogger", "CSV metrics log"), new("lightning.pytorch.loggers.CSVLogger", "CSV metrics log"),
        new("fastai.callback.progress.CSVLogger", "CSV metrics log"),
        // Lightning's logger classes, passed to Trainer(logger=…): each run's self.log metrics go to that tracker
        // (TensorBoardLogger: <save_dir>/<name>/version_N event files).
        new("pytorch_lightning.loggers.TensorBoardLogger", "TensorBoard"), new("lightning.pytorch.loggers.TensorBoardLogger", "TensorBoard"),
        new("pytorch_lightning.loggers.WandbLogger", "Weights & Biases"), new("lightning.pytorch.loggers.WandbLogger", "Weights & Biases"),
        new("pytorch_lightning.loggers.MLFlowLogger", "MLflow"), new("lightning.pytorch.loggers.MLFlowLogger", "MLflow"),
        new("pytorch_lightning.loggers.CometLogger", "Comet"), new("lightning.pytorch.loggers.CometLogger", "Comet"),
        new("pytorch_lightning.loggers.NeptuneLogger", "Neptune"), new("lightning.pytorch.loggers.NeptuneLogger", "Neptune"),
        new("argus.callbacks.LoggingToFile", "metrics log file"), new("argus.callbacks.LoggingToCSV", "CSV metrics log"),
    ];

    /// <summary>
    /// Reinforcement-learning environment wrappers that append every episode's reward, length and time to a CSV
    /// (<c>&lt;filename&gt;.monitor.csv</c>) when given a file name, and write nothing without one (eval.compare).
    /// Position and keyword of that argument as the libraries document them.
    /// </summary>
    public static IReadOnlyList<(string Target, int Position, string Keyword)> EpisodeMonitors { get; } =
    [
        ("stable_baselines3.common.monitor.Monitor", 1, "filename"),
        ("stable_baselines.bench.Monitor", 1, "filename"), ("stable_baselines.bench.monitor.Monitor", 1, "filename"),
        ("baselines.bench.Monitor", 1, "filename"), ("baselines.bench.monitor.Monitor", 1, "filename"),
        ("stable_baselines3.common.env_util.make_vec_env", -1, "monitor_dir"), ("stable_baselines3.common.env_util.make_atari_env", -1, "monitor_dir"),
        ("stable_baselines3.common.cmd_util.make_vec_env", -1, "monitor_dir"), ("stable_baselines3.common.cmd_util.make_atari_env", -1, "monitor_dir"),
    ];

    /// <summary>Workflow orchestrators detected by import (pipelines defined in code).</summary>
    public static IReadOnlyList<KnownTool> Orchestrators { get; } =
    [
        new("metaflow", "Metaflow"), new("zenml", "ZenML"), new("airflow", "Airflow"), new("prefect", "Prefect"),
        new("kedro", "Kedro"), new("luigi", "Luigi"), new("dagster", "Dagster"), new("kfp", "Kubeflow Pipelines"),
        new("flytekit", "Flyte"), new("snakemake", "Snakemake"),
    ];

    /// <summary>Finds the tool a module belongs to, or null.</summary>
    public static KnownTool? Find(IReadOnlyList<KnownTool> table, string module)
    {
        // The longest match, the first in table order among equals; asked for every import of a project, so no LINQ.
        KnownTool? best = null;
        for (var i = 0; i < table.Count; i++)
        {
            var t = table[i];
            if (t.Matches(module) && (best is null || t.Module.Length > best.Module.Length))
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>Call targets that put work on a GPU (prefix match on resolved targets).</summary>
    public static IReadOnlyList<string> GpuCallPrefixes { get; } =
    [
        "torch.cuda.", "torch.backends.cudnn.", "torch.nn.DataParallel", "torch.nn.parallel.DistributedDataParallel",
        "torch.distributed.", "tensorflow.config.list_physical_devices", "tensorflow.config.experimental.list_physical_devices",
        "tensorflow.distribute.", "jax.devices", "cupy.", "numba.cuda.", "deepspeed.", "accelerate.Accelerator", "apex.",
        "bitsandbytes.", "triton.", "pynvml.", "GPUtil.",
        // TPUs (TPUEstimator, TPUClusterResolver/TPUStrategy, PyTorch/XLA), also through the TF1 compat aliases
        // (import tensorflow.compat.v1 as tf): an accelerator the project depends on like a GPU.
        "tensorflow.compat.v1.distribute.", "tensorflow.compat.v2.distribute.", "tensorflow.tpu.", "tensorflow.compat.v1.tpu.",
        "tensorflow.estimator.tpu.", "tensorflow.compat.v1.estimator.tpu.", "tensorflow.contrib.tpu.", "tensorflow.python.tpu.", "torch_xla.",
    ];

    /// <summary>Whether a string literal names a GPU device ("cuda", "cuda:0", "gpu", "/gpu:0", "mps").</summary>
    public static bool IsGpuDeviceLiteral(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v is "cuda" or "gpu" or "/gpu:0" or "/device:gpu:0" || v.StartsWith("cuda:", StringComparison.Ordinal);
    }

    /// <summary>Whether a call target is a GPU use.</summary>
    public static bool IsGpuCall(string target)
    {
        // Asked for every call of the project: a plain loop over the prefixes, their dot-less forms computed once.
        var prefixes = GpuCallPrefixes;
        var trimmed = s_gpuCallNames.Value;
        for (var i = 0; i < prefixes.Count; i++)
        {
            if (target.StartsWith(prefixes[i], StringComparison.Ordinal) || target == trimmed[i])
            {
                return true;
            }
        }

        return target.EndsWith(".cuda", StringComparison.Ordinal);
    }

    private static readonly Lazy<string[]> s_gpuCallNames = new(() => [.. GpuCallPrefixes.Select(p => p.TrimEnd('.'))]);
}

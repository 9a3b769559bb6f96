using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MLRepro.Python;

/// <summary>Finds reads of config, data and model files among a module's calls.</summary>
internal static class ReadExtractor
{
    private static readonly FrozenDictionary<string, ReadKind> Readers = new Dictionary<string, ReadKind>(StringComparer.Ordinal)
    {
        ["yaml.safe_load"] = ReadKind.Config,
        ["yaml.load"] = ReadKind.Config,
        ["yaml.full_load"] = ReadKind.Config,
        ["yaml.unsafe_load"] = ReadKind.Config,
        ["json.load"] = ReadKind.Config,
        ["toml.load"] = ReadKind.Config,
        ["tomllib.load"] = ReadKind.Config,
        ["tomli.load"] = ReadKind.Config,
        ["omegaconf.OmegaConf.load"] = ReadKind.Config,
        ["configparser.ConfigParser.read"] = ReadKind.Config,
        ["numpy.load"] = ReadKind.Data,
        ["numpy.loadtxt"] = ReadKind.Data,
        ["numpy.genfromtxt"] = ReadKind.Data,
        ["numpy.fromfile"] = ReadKind.Data,
        ["numpy.memmap"] = ReadKind.Data,
        ["torchvision.datasets.ImageFolder"] = ReadKind.Data,
        ["torchvision.datasets.DatasetFolder"] = ReadKind.Data,
        ["tensorflow.keras.utils.image_dataset_from_directory"] = ReadKind.Data,
        ["tensorflow.keras.preprocessing.image_dataset_from_directory"] = ReadKind.Data,
        ["keras.utils.image_dataset_from_directory"] = ReadKind.Data,
        ["keras.preprocessing.image_dataset_from_directory"] = ReadKind.Data,
        ["tensorflow.keras.utils.text_dataset_from_directory"] = ReadKind.Data,
        ["keras.utils.text_dataset_from_directory"] = ReadKind.Data,
        ["datasets.load_dataset"] = ReadKind.Data,
        ["datasets.load_from_disk"] = ReadKind.Data,
        ["PIL.Image.open"] = ReadKind.Data,
        ["h5py.File"] = ReadKind.Data,
        ["scipy.io.loadmat"] = ReadKind.Data,
        ["xarray.open_dataset"] = ReadKind.Data,
        ["torch.load"] = ReadKind.Model,
        ["joblib.load"] = ReadKind.Model,
        ["pickle.load"] = ReadKind.Model,
        ["dill.load"] = ReadKind.Model,
        ["cloudpickle.load"] = ReadKind.Model,
        ["safetensors.torch.load_file"] = ReadKind.Model,
        ["tensorflow.keras.models.load_model"] = ReadKind.Model,
        ["keras.models.load_model"] = ReadKind.Model,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] PathKeywords = ["path", "file", "filepath_or_buffer", "path_or_buf", "fname", "filename", "f", "fp", "stream", "io", "file_path", "path_or_paths", "paths", "root", "directory"];

    /// <summary>datasets' packaged builders: <c>load_dataset("json", data_files=…)</c> reads local (or URL) files, not a Hub dataset.</summary>
    private static readonly HashSet<string> PackagedBuilders = new(StringComparer.Ordinal)
    {
        "csv", "json", "parquet", "text", "imagefolder", "audiofolder", "videofolder", "arrow", "pandas", "webdataset", "xml",
    };

    public static ImmutableArray<PythonRead> Extract(ImmutableArray<PythonCall> calls, IReadOnlyDictionary<string, CallArgument?> handles)
    {
        var result = ImmutableArray.CreateBuilder<PythonRead>();
        foreach (var call in calls)
        {
            ReadKind kind;
            var isOpen = call.Target is "open" or "io.open" or "codecs.open" or "builtins.open" or "gzip.open" or "bz2.open" or "lzma.open";
            // A method chained on a reader's result (`pd.read_csv(path).set_index("SK_ID_CURR")`, target
            // `pandas.read_csv().set_index`) is not the read: its argument is a column name, not a path.
            var chained = call.Target.Contains("()", StringComparison.Ordinal);
            var isRay = !chained && call.Target.StartsWith("ray.data.read_", StringComparison.Ordinal);
            // read_sql/read_sql_query/read_sql_table/read_gbq take a query or a table name and read_clipboard nothing: no path.
            var isPandas = !chained && call.Target.StartsWith("pandas.read_", StringComparison.Ordinal)
                && call.Target is not ("pandas.read_sql" or "pandas.read_sql_query" or "pandas.read_sql_table" or "pandas.read_gbq" or "pandas.read_clipboard");
            if (!isOpen && !isRay && !Readers.ContainsKey(call.Target) && !isPandas)
            {
                continue;
            }

            var path = call.PositionalAt(0) ?? PathKeywords.Select(call.Keyword).FirstOrDefault(a => a is not null);
            if (call.Target == "datasets.load_dataset" && path?.Literal?.AsString is { } builder && PackagedBuilders.Contains(builder))
            {
                // The data comes from data_files= / data_dir=; without them there is no path to judge.
                path = call.Keyword("data_files") ?? call.Keyword("data_dir") ?? call.PositionalAt(2);
                if (path is null)
                {
                    continue;
                }
            }
            else if (call.Target == "datasets.load_dataset" && path is { Literal: null, Keyword: null } && call.Keyword("data_files") is { } files)
            {
                // load_dataset(extension, data_files=files) with extension = "text"/"csv" picked from the file's suffix: the
                // builder is chosen at run time, and the data is still the data_files.
                path = files;
            }

            if (isOpen)
            {
                var mode = (call.PositionalAt(1) ?? call.Keyword("mode"))?.Literal?.AsString;
                if (mode is not null && mode.AsSpan().IndexOfAny("wax") >= 0)
                {
                    continue;
                }

                kind = KindByExtension(path?.Literal?.AsString);
            }
            else if (Readers.TryGetValue(call.Target, out var k))
            {
                kind = k;
            }
            else if (isRay || isPandas)
            {
                kind = ReadKind.Data;
            }
            else
            {
                continue;
            }

            // `yaml.safe_load(f)` after `with open("config.yaml") as f`: report the opened path.
            if (path is { Keyword: null } && path.Names.Length == 1 && path.Names[0] == path.Text && handles.TryGetValue(path.Text, out var opened) && opened is not null)
            {
                path = opened;
            }

            result.Add(new PythonRead(call.Target, kind, path, call.Line));
        }

        return result.ToImmutable();
    }

    private static ReadKind KindByExtension(string? path)
    {
        var ext = path is null ? string.Empty : System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".yaml" or ".yml" or ".json" or ".toml" or ".cfg" or ".ini" or ".conf" => ReadKind.Config,
            ".pt" or ".pth" or ".pkl" or ".pickle" or ".ckpt" or ".joblib" or ".h5" or ".safetensors" or ".onnx" or ".bin" => ReadKind.Model,
            _ => ReadKind.Data,
        };
    }
}

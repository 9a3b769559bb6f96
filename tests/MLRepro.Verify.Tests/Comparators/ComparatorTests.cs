using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AwesomeAssertions;
using MLRepro.Verify.Comparators;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests.Comparators;

public sealed class ComparatorTests
{
    private static Tolerance? None(string path, string? key) => null;

    /// <summary>Writes an .npy v1.0 file by hand (header padded to 64 bytes as numpy does).</summary>
    internal static byte[] Npy(string descr, long[] shape, byte[] data, bool fortran = false)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        var header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        var ms = new MemoryStream();
        ms.Write([0x93, .. "NUMPY"u8, 1, 0]);
        var len = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        ms.Write(len);
        ms.Write(Encoding.ASCII.GetBytes(header));
        ms.Write(data);
        return ms.ToArray();
    }

    internal static byte[] Floats(params float[] xs)
    {
        var b = new byte[xs.Length * 4];
        for (var i = 0; i < xs.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), xs[i]);
        }

        return b;
    }

    [Fact]
    public void Npy_reports_dtype_shape_and_element_differences()
    {
        using var t = new TempDir();
        var a = t.WriteBytes("a/w.npy", Npy("<f4", [2, 3], Floats(1, 2, 3, 4, 5, 6)));
        var b = t.WriteBytes("b/w.npy", Npy("<f4", [2, 3], Floats(1, 2, 3.5f, 4, 5, 6.001f)));
        var c = OutputComparer.Compare("w.npy", a, b, None);
        c.Format.Should().Be("npy");
        c.Verdict.Should().Be(Verdict.Different);
        var item = c.Items.Should().ContainSingle().Subject;
        item.Dtype.Should().Be("<f4");
        item.Shape.Should().Equal(2, 3);
        item.Identical.Should().BeFalse();
        item.MaxAbs.Should().BeApproximately(0.5, 1e-6);
        item.FractionDiffering.Should().BeApproximately(2.0 / 6, 1e-9);

        var tol = OutputComparer.Compare("w.npy", a, b, (_, _) => new Tolerance("*.npy", null, 0.6, 0));
        tol.Verdict.Should().Be(Verdict.WithinTolerance);

        var same = t.WriteBytes("c/w.npy", Npy("<f4", [2, 3], Floats(1, 2, 3, 4, 5, 6)));
        OutputComparer.Compare("w.npy", a, same, None).Verdict.Should().Be(Verdict.Identical);

        var reshaped = t.WriteBytes("d/w.npy", Npy("<f4", [3, 2], Floats(1, 2, 3, 4, 5, 6)));
        var r = OutputComparer.Compare("w.npy", a, reshaped, None);
        r.Verdict.Should().Be(Verdict.Different);
        r.Items[0].A.Should().Contain("(2, 3)");
        r.Items[0].B.Should().Contain("(3, 2)");
    }

    [Fact]
    public void Npz_compares_arrays_by_name()
    {
        using var t = new TempDir();
        byte[] Zip(params (string Name, byte[] Data)[] entries)
        {
            var ms = new MemoryStream();
            using (var z = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, data) in entries)
                {
                    using var s = z.CreateEntry(name).Open();
                    s.Write(data);
                }
            }

            return ms.ToArray();
        }

        var a = t.WriteBytes("a.npz", Zip(("W.npy", Npy("<f4", [2], Floats(1, 2))), ("b.npy", Npy("<f4", [1], Floats(0)))));
        var b = t.WriteBytes("b.npz", Zip(("W.npy", Npy("<f4", [2], Floats(1, 2))), ("b.npy", Npy("<f4", [1], Floats(0.25f)))));
        var c = OutputComparer.Compare("arrays.npz", a, b, None);
        c.Format.Should().Be("npz");
        c.Verdict.Should().Be(Verdict.Different);
        c.Items.Single(i => i.Name == "W").Identical.Should().BeTrue();
        var diff = c.Items.Single(i => i.Name == "b");
        diff.Identical.Should().BeFalse();
        diff.MaxAbs.Should().Be(0.25);
    }

    internal static byte[] Safetensors(params (string Name, long[] Shape, float[] Values)[] tensors)
    {
        var header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        var data = new MemoryStream();
        foreach (var (name, shape, values) in tensors)
        {
            var start = data.Length;
            data.Write(Floats(values));
            header.Append($",\"{name}\":{{\"dtype\":\"F32\",\"shape\":[{string.Join(',', shape)}],\"data_offsets\":[{start},{data.Length}]}}");
        }

        header.Append('}');
        var h = Encoding.UTF8.GetBytes(header.ToString());
        var ms = new MemoryStream();
        var len = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)h.Length);
        ms.Write(len);
        ms.Write(h);
        ms.Write(data.ToArray());
        return ms.ToArray();
    }

    [Fact]
    public void Safetensors_written_by_hand_compare_tensor_by_tensor()
    {
        using var t = new TempDir();
        var a = t.WriteBytes("a.safetensors", Safetensors(("fc.weight", [2, 2], [1, 2, 3, 4]), ("fc.bias", [2], [0, 0])));
        var b = t.WriteBytes("b.safetensors", Safetensors(("fc.weight", [2, 2], [1, 2, 3, 4]), ("fc.bias", [2], [0, 1e-3f])));
        var c = OutputComparer.Compare("model.safetensors", a, b, None);
        c.Format.Should().Be("safetensors");
        c.Verdict.Should().Be(Verdict.Different);
        c.Items.Single(i => i.Name == "fc.weight").Should().Match<ItemDiff>(i => i.Identical && i.Dtype == "<f4" && i.Shape!.SequenceEqual(new long[] { 2, 2 }));
        var bias = c.Items.Single(i => i.Name == "fc.bias");
        bias.Identical.Should().BeFalse();
        bias.FractionDiffering.Should().Be(0.5);
        c.Summary.Should().Contain("fc.bias");

        var within = OutputComparer.Compare("model.safetensors", a, b, (_, key) => key == "fc.bias" ? new Tolerance("*", "fc.bias", 1e-2, 0) : null);
        within.Verdict.Should().Be(Verdict.WithinTolerance);
    }

    [Fact]
    public void Json_metrics_report_key_paths_and_respect_tolerances()
    {
        using var t = new TempDir();
        var a = t.Write("a.json", """{"eval": {"acc": 0.91, "loss": 0.2}, "epochs": 5, "tags": ["x"]}""");
        var b = t.Write("b.json", """{"eval": {"acc": 0.9100001, "loss": 0.2}, "epochs": 6, "tags": ["y"]}""");
        var c = OutputComparer.Compare("metrics.json", a, b, (_, key) => key == "eval.acc" ? new Tolerance("metrics.json", "eval.acc", 1e-6, 0) : null);
        c.Verdict.Should().Be(Verdict.Different);
        var acc = c.Items.Single(i => i.Name == "eval.acc");
        acc.WithinTolerance.Should().BeTrue();
        acc.A.Should().Be("0.91");
        acc.B.Should().Be("0.9100001");
        c.Items.Single(i => i.Name == "epochs").Should().Match<ItemDiff>(i => i.A == "5" && i.B == "6" && !i.WithinTolerance);
        c.Items.Single(i => i.Name == "tags[0]").A.Should().Be("x");
        c.Items.Should().NotContain(i => i.Name == "eval.loss");
    }

    [Fact]
    public void Yaml_metrics_compare_by_key()
    {
        using var t = new TempDir();
        var a = t.Write("a.yaml", "# run\nscores:\n  f1: 0.5\n");
        var b = t.Write("b.yaml", "# run again\nscores:\n  f1: 0.5\n");
        OutputComparer.Compare("scores.yaml", a, b, None).Verdict.Should().Be(Verdict.Equivalent);
    }

    [Fact]
    public void Toml_metrics_compare_by_key()
    {
        using var t = new TempDir();
        var a = t.Write("a.toml", "[eval]\nacc = 0.91\nsteps = [1, 2]\n");
        var b = t.Write("b.toml", "# rerun\n[eval]\nacc = 0.92\nsteps = [1, 2]\n");
        var c = OutputComparer.Compare("metrics.toml", a, b, None);
        c.Format.Should().Be("toml");
        c.Differing.Should().ContainSingle().Which.Should().Match<ItemDiff>(i => i.Name == "eval.acc" && i.A == "0.91" && i.B == "0.92");
    }

    [Fact]
    public void Csv_reports_row_column_and_both_values()
    {
        using var t = new TempDir();
        var a = t.Write("a.csv", "id,pred,score\n1,cat,0.91\n2,dog,0.80\n");
        var b = t.Write("b.csv", "id,pred,score\n1,cat,0.91\n2,cat,0.85\n");
        var c = OutputComparer.Compare("preds.csv", a, b, None);
        c.Format.Should().Be("csv");
        c.Verdict.Should().Be(Verdict.Different);
        c.Items.Select(i => i.Name).Should().Equal("row 3, column pred", "row 3, column score");
        c.Items[0].A.Should().Be("dog");
        c.Items[0].B.Should().Be("cat");
        c.Items[1].MaxAbs.Should().BeApproximately(0.05, 1e-9);
    }

    [Fact]
    public void Text_reports_differing_lines()
    {
        using var t = new TempDir();
        var a = t.Write("a.txt", "epoch 1 loss 0.5\nepoch 2 loss 0.4\n");
        var b = t.Write("b.txt", "epoch 1 loss 0.5\nepoch 2 loss 0.3\n");
        var c = OutputComparer.Compare("log.txt", a, b, None);
        c.Items.Should().ContainSingle().Which.Should().Match<ItemDiff>(i => i.Name == "line 2" && i.B == "epoch 2 loss 0.3");
    }

    [Fact]
    public void Missing_output_is_reported()
    {
        using var t = new TempDir();
        var a = t.Write("a.txt", "x");
        OutputComparer.Compare("log.txt", a, Path.Combine(t.Path, "nope.txt"), None).Verdict.Should().Be(Verdict.Missing);
    }

    [Fact]
    public void Torch_checkpoints_saved_under_different_names_are_equivalent_and_perturbed_ones_name_the_tensor()
    {
        Env.RequirePython("torch");
        using var t = new TempDir();
        var (code, output) = Env.RunPython("""
            import torch
            from torch import nn
            torch.manual_seed(0)
            m = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
            torch.save(m.state_dict(), "model.pt")
            torch.save(m.state_dict(), "renamed_checkpoint.pt")
            with torch.no_grad():
                m[2].bias += 1e-3
            torch.save({"epoch": 3, "state_dict": m.state_dict()}, "nested.pt")
            torch.save(m.state_dict(), "perturbed.pt")
            """, t.Path);
        code.Should().Be(0, output);
        var a = Path.Combine(t.Path, "model.pt");
        var b = Path.Combine(t.Path, "renamed_checkpoint.pt");
        File.ReadAllBytes(a).Should().NotEqual(File.ReadAllBytes(b), "torch.save writes the file stem into entry names");

        var same = OutputComparer.Compare("model.pt", a, b, None);
        same.Format.Should().Be("torch");
        same.Verdict.Should().Be(Verdict.Equivalent);
        same.Items.Where(i => i.Kind == "tensor").Select(i => i.Name).Should().Contain(["0.weight", "0.bias", "2.weight", "2.bias"]);
        var w = same.Items.Single(i => i.Name == "0.weight");
        w.Dtype.Should().Be("<f4");
        w.Shape.Should().Equal(16, 8);

        var diff = OutputComparer.Compare("model.pt", a, Path.Combine(t.Path, "perturbed.pt"), None);
        diff.Verdict.Should().Be(Verdict.Different);
        diff.Differing.Select(i => i.Name).Should().Equal("2.bias");
        diff.Items.Single(i => i.Name == "2.bias").MaxAbs.Should().BeApproximately(1e-3, 1e-5);
        diff.Items.Single(i => i.Name == "0.weight").Identical.Should().BeTrue();

        // A nested checkpoint is read too: its tensors are named by their path.
        var zip = TensorFiles.ReadZip(File.ReadAllBytes(Path.Combine(t.Path, "nested.pt")))!;
        var leaves = TensorFiles.ReadTorchZip(zip, out var err);
        err.Should().BeNull();
        leaves!.Select(l => l.Key).Should().Contain(["epoch", "state_dict.2.bias"]);
    }

    [Fact]
    public void Sklearn_pickles_and_joblib_files_are_read_safely_and_compared_by_array()
    {
        Env.RequirePython("sklearn", "joblib");
        using var t = new TempDir();
        var (code, output) = Env.RunPython("""
            import pickle, joblib, numpy as np
            from sklearn.linear_model import LogisticRegression
            X = np.array([[0., 1.], [1., 0.], [1., 1.], [0., 0.]]); y = np.array([0, 1, 1, 0])
            m = LogisticRegression().fit(X, y)
            pickle.dump(m, open("a.pkl", "wb"))
            joblib.dump(m, "a.joblib")
            m.coef_[0, 1] += 0.5
            pickle.dump(m, open("b.pkl", "wb"))
            joblib.dump(m, "b.joblib")
            joblib.dump(m, "b3.joblib", compress=3)
            # A pickle whose load would run code: the reader must not execute it.
            class Evil:
                def __reduce__(self):
                    import os
                    return (os.system, ("touch PWNED",))
            pickle.dump(Evil(), open("evil.pkl", "wb"))
            """, t.Path);
        code.Should().Be(0, output);
        var p = OutputComparer.Compare("model.pkl", Path.Combine(t.Path, "a.pkl"), Path.Combine(t.Path, "b.pkl"), None);
        p.Format.Should().Be("pickle");
        p.Verdict.Should().Be(Verdict.Different);
        var coef = p.Differing.Should().ContainSingle().Subject;
        coef.Name.Should().Be("coef_");
        coef.Dtype.Should().Be("<f8");
        coef.Shape.Should().Equal(1, 2);
        coef.MaxAbs.Should().BeApproximately(0.5, 1e-12);
        coef.FractionDiffering.Should().Be(0.5);

        var j = OutputComparer.Compare("model.joblib", Path.Combine(t.Path, "a.joblib"), Path.Combine(t.Path, "b.joblib"), None);
        j.Verdict.Should().Be(Verdict.Different);
        j.Differing.Select(i => i.Name).Should().Equal("coef_");
        j.Differing.Single().MaxAbs.Should().BeApproximately(0.5, 1e-12);

        var jc = OutputComparer.Compare("model.joblib", Path.Combine(t.Path, "b.joblib"), Path.Combine(t.Path, "b3.joblib"), None);
        jc.Verdict.Should().Be(Verdict.Equivalent, "a compressed joblib file holds the same arrays");

        var evil = TensorFiles.ReadPickle(File.ReadAllBytes(Path.Combine(t.Path, "evil.pkl")), out var err);
        err.Should().BeNull();
        evil!.Should().Contain(l => l.Key == "__class__" && l.Value.ToString() == "posix.system");
        File.Exists(Path.Combine(t.Path, "PWNED")).Should().BeFalse();
    }

    [Fact]
    public void Hdf5_weights_compare_dataset_by_dataset()
    {
        Env.RequirePython("h5py");
        using var t = new TempDir();
        var (code, output) = Env.RunPython("""
            import h5py, numpy as np
            def write(path, bump):
                with h5py.File(path, "w") as f:
                    g = f.create_group("model_weights/dense/dense")
                    k = np.arange(6, dtype=np.float32).reshape(2, 3)
                    k[1, 2] += bump
                    g["kernel:0"] = k
                    g["bias:0"] = np.zeros(3, dtype=np.float32)
                    f["meta/step"] = np.array([10, 20], dtype=np.int64)
                    f.attrs["keras_version"] = "2.11"
            write("a.h5", 0.0)
            write("b.h5", 0.25)
            """, t.Path);
        code.Should().Be(0, output);
        var c = OutputComparer.Compare("model.h5", Path.Combine(t.Path, "a.h5"), Path.Combine(t.Path, "b.h5"), None);
        c.Format.Should().Be("hdf5");
        c.Verdict.Should().Be(Verdict.Different);
        c.Items.Select(i => i.Name).Should().BeEquivalentTo(["meta/step", "model_weights/dense/dense/bias:0", "model_weights/dense/dense/kernel:0"]);
        var kernel = c.Differing.Should().ContainSingle().Subject;
        kernel.Name.Should().Be("model_weights/dense/dense/kernel:0");
        kernel.Shape.Should().Equal(2, 3);
        kernel.Dtype.Should().Be("<f4");
        kernel.MaxAbs.Should().Be(0.25);
        c.Items.Single(i => i.Name == "meta/step").Dtype.Should().Be("<i8");
    }

    [Fact]
    public void Onnx_initializers_compare_by_name()
    {
        Env.RequirePython("onnx");
        using var t = new TempDir();
        var (code, output) = Env.RunPython("""
            import numpy as np, onnx
            from onnx import helper, numpy_helper, TensorProto
            def write(path, bump):
                w = np.arange(6, dtype=np.float32).reshape(2, 3); w[0, 1] += bump
                inits = [numpy_helper.from_array(w, "fc.weight"),
                         helper.make_tensor("fc.bias", TensorProto.FLOAT, [3], [0.5, 0.25, 0.0]),
                         helper.make_tensor("shape", TensorProto.INT64, [2], [1, -1])]
                node = helper.make_node("Gemm", ["x", "fc.weight", "fc.bias"], ["y"])
                graph = helper.make_graph([node], "g",
                    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2])],
                    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])], inits)
                onnx.save(helper.make_model(graph), path)
            write("a.onnx", 0.0)
            write("b.onnx", 0.125)
            """, t.Path);
        code.Should().Be(0, output);
        var c = OutputComparer.Compare("model.onnx", Path.Combine(t.Path, "a.onnx"), Path.Combine(t.Path, "b.onnx"), None);
        c.Format.Should().Be("onnx");
        c.Verdict.Should().Be(Verdict.Different);
        c.Items.Select(i => i.Name).Should().BeEquivalentTo(["fc.weight", "fc.bias", "shape"]);
        var w = c.Differing.Should().ContainSingle().Subject;
        (w.Name, w.Dtype).Should().Be(("fc.weight", "<f4"));
        w.Shape.Should().Equal(2, 3);
        w.MaxAbs.Should().Be(0.125);
        var leaves = OnnxReader.Read(File.ReadAllBytes(Path.Combine(t.Path, "a.onnx")), out _)!;
        var bias = (NumArray)leaves.Single(l => l.Key == "fc.bias").Value;
        Enumerable.Range(0, 3).Select(i => bias.Get(i)).Should().Equal(0.5, 0.25, 0.0);
        var shape = (NumArray)leaves.Single(l => l.Key == "shape").Value;
        (shape.Get(0), shape.Get(1)).Should().Be((1.0, -1.0));
        OnnxReader.Read([0x0a, 0xff], out var err).Should().BeNull();
        err.Should().NotBeNull();
    }

    [Fact]
    public void Corrupted_pickles_never_throw()
    {
        Env.RequirePython("sklearn");
        using var t = new TempDir();
        var (code, output) = Env.RunPython("""
            import pickle, numpy as np
            from sklearn.tree import DecisionTreeClassifier
            m = DecisionTreeClassifier(random_state=0).fit(np.arange(20).reshape(10, 2), [0, 1] * 5)
            pickle.dump(m, open("m.pkl", "wb"), protocol=4)
            pickle.dump(m, open("m2.pkl", "wb"), protocol=2)
            """, t.Path);
        code.Should().Be(0, output);
        var rng = new Random(1234);
        foreach (var name in new[] { "m.pkl", "m2.pkl" })
        {
            var original = File.ReadAllBytes(Path.Combine(t.Path, name));
            TensorFiles.ReadPickle(original, out var err).Should().NotBeNull(err);
            for (var i = 0; i < 300; i++)
            {
                var b = (byte[])original.Clone();
                for (var k = 0; k < 1 + (i % 4); k++)
                {
                    b[rng.Next(b.Length)] = (byte)rng.Next(256);
                }

                var act = () => TensorFiles.ReadPickle(i % 7 == 0 ? b[..rng.Next(b.Length)] : b, out _);
                act.Should().NotThrow();
            }
        }
    }

    [Fact]
    public void Garbage_pickle_is_an_error_not_an_exception()
    {
        var (v, err, _) = SafePickle.Load([0x80, 0x04, 0xff, 0x00]);
        v.Should().BeNull();
        err.Should().Contain("opcode");
        SafePickle.Load([0x80, 0x04, (byte)'X', 0xff, 0xff, 0xff, 0x7f]).Error.Should().NotBeNull();
    }
}

using AwesomeAssertions;
using MLRepro.Knowledge;

namespace MLRepro.Tests.Knowledge;

public sealed class WellKnownDatasetsTests
{
    [Theory]
    [InlineData("coco", "coco")]
    [InlineData("config/coco.data", "coco")]
    [InlineData("data/coco128.yaml", "coco")]
    [InlineData("coco/2017", "coco")]
    [InlineData("STL10", "stl10")]
    [InlineData("stl10", "stl10")]
    [InlineData("img_align_celeba", "celeba")]
    [InlineData("ILSVRC2012", "imagenet")]
    [InlineData("imagenet-1k", "imagenet")]
    [InlineData("VOCDetection", "voc")]
    [InlineData("LIBRISPEECH", "librispeech")]
    [InlineData("CIFAR10", "cifar10")]
    [InlineData("cifar100", "cifar100")]
    public void Names_and_loader_classes_map_to_the_dataset(string name, string key) =>
        WellKnownDatasets.Find(name)!.Key.Should().Be(key);

    [Theory]
    [InlineData("")]
    [InlineData("data/train.csv")]
    [InlineData("my_dataset")]
    [InlineData("2017")]
    [InlineData("cocoa")]
    public void Other_names_are_unknown(string name) => WellKnownDatasets.Find(name).Should().BeNull();

    [Fact]
    public void Standard_benchmarks_are_large_and_cifar_mnist_small()
    {
        // The data.pipeline threshold: COCO, ImageNet, STL-10 and CelebA are over 1 GB to download; CIFAR-10 (170 MB) and MNIST are not.
        foreach (var big in new[] { "coco", "imagenet", "stl10", "celeba", "cityscapes", "voc" })
        {
            WellKnownDatasets.Find(big)!.Bytes.Should().BeGreaterThan(MLRepro.Checks.Data.DataPipelineCheck.LargeDatasetBytes, big);
        }

        foreach (var small in new[] { "cifar10", "cifar100", "mnist", "fashionmnist", "svhn" })
        {
            WellKnownDatasets.Find(small)!.Bytes.Should().BeLessThan(MLRepro.Checks.Data.DataPipelineCheck.LargeDatasetBytes, small);
        }
    }
}

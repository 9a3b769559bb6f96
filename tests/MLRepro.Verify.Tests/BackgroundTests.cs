using AwesomeAssertions;

namespace MLRepro.Verify.Tests;

/// <summary>Background work (static assessment, fingerprint, preparing and hashing copies) runs at a lower priority.</summary>
public sealed class BackgroundTests
{
    [Fact]
    public async Task Work_runs_at_lower_priority_and_the_caller_keeps_its_own()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "nice per thread is Linux's");
        var before = Background.CurrentThreadNiceness();
        var inside = await Background.Run(Background.CurrentThreadNiceness, TestContext.Current.CancellationToken);
        inside.Should().Be(Math.Min(19, before + Background.Niceness));
        Background.CurrentThreadNiceness().Should().Be(before);
    }

    [Fact]
    public async Task A_child_process_started_from_background_work_inherits_the_priority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/bin/sh"), "needs Linux and /bin/sh");
        var before = Background.CurrentThreadNiceness();
        var child = await Background.Run(() =>
        {
            var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "cut -d' ' -f19 /proc/self/stat"]) { RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }, TestContext.Current.CancellationToken);
        child.Should().Be(Math.Min(19, before + Background.Niceness));
    }

    [Fact]
    public async Task Exceptions_and_cancellation_reach_the_awaiter()
    {
        var failing = () => Background.Run<int>(() => throw new InvalidOperationException("boom"));
        (await failing.Should().ThrowAsync<InvalidOperationException>()).WithMessage("boom");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var ran = false;
        var cancelled = () => Background.Run(() => ran = true, cts.Token);
        await cancelled.Should().ThrowAsync<OperationCanceledException>();
        ran.Should().BeFalse();
    }
}

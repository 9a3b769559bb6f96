namespace MLRepro.Tests.Support;

/// <summary>
/// Time bounds for hostile-input tests. They catch hangs and blow-ups (an alias bomb expanded for minutes, a
/// quadratic parse), not speed: speed is measured in bench/. The bound is generous because CI shares two cores.
/// </summary>
internal static class Bounds
{
    /// <summary>The most a hostile input may take to parse.</summary>
    public static readonly TimeSpan HostileInput = TimeSpan.FromSeconds(30);
}

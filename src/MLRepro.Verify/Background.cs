using System.Runtime.InteropServices;

namespace MLRepro.Verify;

/// <summary>
/// Work that verify does beside a run (the static assessment, the environment fingerprint, preparing the next copy,
/// hashing the last run's outputs) runs at a lower CPU priority (nice +<see cref="Niceness"/>), so it takes the cores the
/// project leaves idle rather than the ones it computes on: a training loop with one thread per core (PyTorch's and
/// OpenMP's default) waits at every parallel region for its slowest thread, so a core taken by mlrepro for a moment slows
/// the whole run, and the timings the two runs report are the project's, not mlrepro's. Linux only; elsewhere the work
/// runs at normal priority. A process started from such a thread (the fingerprint's interpreter) inherits its priority.
/// </summary>
public static partial class Background
{
    /// <summary>The nice value added to background work (0–19; 10 leaves it about a tenth of a contended core).</summary>
    public const int Niceness = 10;

    private const int PrioProcess = 0;

    /// <summary>Runs <paramref name="work"/> on a dedicated thread at lower priority.</summary>
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancel = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerCurrentThread();
            try
            {
                cancel.ThrowIfCancellationRequested();
                done.SetResult(work());
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "mlrepro background" };
        thread.Start();
        return done.Task;
    }

    /// <summary>Lowers the calling thread's priority (Linux: nice applies per thread).</summary>
    internal static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetPriority(PrioProcess, GetTid(), Niceness) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's nice value (Linux), for tests.</summary>
    internal static int CurrentThreadNiceness()
    {
        // /proc/thread-self/stat: field 19 is the nice value; the command name (field 2) is in parentheses and may hold spaces.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}

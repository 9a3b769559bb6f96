using System.Runtime.InteropServices;

namespace MLRepro.Caching;

/// <summary>
/// What <c>statx(2)</c> says of a file without following a symbolic link: the fields git's index compares to decide
/// that a file is unchanged without reading it (device, inode, size, modification and status-change times).
/// </summary>
/// <remarks>
/// The status-change time (ctime) is what makes the comparison safe: unlike the modification time, no user call can set
/// it; every write, rename onto the path, <c>touch -d</c>, <c>rsync -t</c> or <c>chmod</c> moves it to the present.
/// <c>statx</c> has the same structure layout on every Linux architecture (unlike <c>stat</c>), so one declaration
/// serves x64 and arm64. Elsewhere (macOS, Windows, a libc without <c>statx</c>, a kernel older than 4.11) it is
/// unavailable and <see cref="TryGet"/> returns false: callers then read the file.
/// </remarks>
internal readonly partial record struct FileStat(ulong Device, ulong Inode, long Size, long MtimeSeconds, uint MtimeNanoseconds, long CtimeSeconds, uint CtimeNanoseconds)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const uint StatxRequired = 0x1 | 0x200 | 0x40 | 0x80 | 0x100; // type, size, mtime, ctime, inode

    private static volatile bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether <c>statx</c> can be called here (false after a first call found it missing).</summary>
    public static bool IsAvailable => !s_unavailable;

    /// <summary>The modification or status-change time, whichever is later, in nanoseconds since the Unix epoch.</summary>
    public long LatestChangeNanoseconds => Math.Max(
        (MtimeSeconds * 1_000_000_000) + MtimeNanoseconds,
        (CtimeSeconds * 1_000_000_000) + CtimeNanoseconds);

    /// <summary>Stats a path without following a final symbolic link; false when it cannot (missing, no <c>statx</c>).</summary>
    public static bool TryGet(string path, out FileStat stat)
    {
        stat = default;
        if (s_unavailable)
        {
            return false;
        }

        Buffer buffer;
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out buffer) != 0)
            {
                if (Marshal.GetLastPInvokeError() == 38)
                {
                    s_unavailable = true; // ENOSYS: the kernel has no statx
                }

                return false;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
            return false;
        }

        if ((buffer.Mask & StatxRequired) != StatxRequired)
        {
            return false; // a file system that cannot give every field: never trust a comparison
        }

        stat = new FileStat(
            ((ulong)buffer.DevMajor << 32) | buffer.DevMinor,
            buffer.Inode,
            (long)buffer.Size,
            buffer.MtimeSeconds,
            buffer.MtimeNanoseconds,
            buffer.CtimeSeconds,
            buffer.CtimeNanoseconds);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, out Buffer buffer);

    /// <summary>struct statx (linux/stat.h), 256 bytes, the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Buffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(96)]
        public long CtimeSeconds;

        [FieldOffset(104)]
        public uint CtimeNanoseconds;

        [FieldOffset(112)]
        public long MtimeSeconds;

        [FieldOffset(120)]
        public uint MtimeNanoseconds;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;
    }
}

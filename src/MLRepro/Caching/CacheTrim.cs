namespace MLRepro.Caching;

/// <summary>
/// The one size bound of a cache folder: Python summaries (<see cref="SummaryCache"/>), whole assessments
/// (<see cref="AssessmentCache"/>) and the trees' digest memos (<see cref="DigestMemo"/>) together, every format
/// version of each. Only these subfolders are listed, so a
/// <c>--cache-dir</c> that also holds other files never loses them.
/// </summary>
internal static class CacheTrim
{
    /// <summary>The subfolders of a cache folder that hold entries.</summary>
    public static readonly string[] Folders = [SummaryCache.FolderName, AssessmentCache.FolderName, DigestMemo.FolderName];

    /// <summary>
    /// When the entries exceed <paramref name="maxBytes"/>, deletes the oldest-written (and stray temporary files older
    /// than an hour) until three quarters of the bound remain.
    /// </summary>
    public static void Trim(string directory, long maxBytes)
    {
        try
        {
            var entries = new List<FileInfo>();
            foreach (var folder in Folders)
            {
                var dir = Path.Combine(directory, folder);
                if (Directory.Exists(dir))
                {
                    entries.AddRange(new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories));
                }
            }

            var stale = DateTime.UtcNow.AddHours(-1);
            foreach (var f in entries.Where(f => f.Name.EndsWith(".tmp", StringComparison.Ordinal) && f.LastWriteTimeUtc < stale))
            {
                TryDelete(f.FullName);
            }

            var live = entries.Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal)).ToList();
            var total = live.Sum(f => f.Length);
            if (total <= maxBytes)
            {
                return;
            }

            foreach (var f in live.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.FullName, StringComparer.Ordinal))
            {
                if (total <= maxBytes / 4 * 3)
                {
                    break;
                }

                total -= f.Length;
                TryDelete(f.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process trimming at the same time, or a folder we may not list: try again next run.
        }
    }

    /// <summary>
    /// Writes a cache file atomically: to a temporary file of its own (named so that <see cref="Trim"/> deletes it if the
    /// process dies before the rename) renamed over the file. Throws what the file system throws; no temporary file remains.
    /// </summary>
    public static void WriteAtomically(string file, byte[] bytes)
    {
        var temp = $"{file}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, bytes);
        try
        {
            File.Move(temp, file, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes a file, ignoring one already gone or in use.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Already gone, or in use: harmless.
        }
    }
}

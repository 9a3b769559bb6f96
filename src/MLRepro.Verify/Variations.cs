namespace MLRepro.Verify;

/// <summary>Things that must not change a run's outputs (after reprotest's list); the second run varies all of them.</summary>
public enum Variation
{
    /// <summary>The folder the project copy lives in.</summary>
    FolderPath,
    /// <summary>PYTHONHASHSEED (set and dict-of-str iteration order).</summary>
    HashSeed,
    /// <summary>TZ.</summary>
    TimeZone,
    /// <summary>LANG / LC_ALL / LANGUAGE.</summary>
    Locale,
    /// <summary>HOME.</summary>
    Home,
    /// <summary>The umask.</summary>
    Umask,
    /// <summary>The order in which the copy's files were created (what an unsorted os.listdir returns).</summary>
    FileOrder,
}

/// <summary>The environment of one run: where the project sits, and the values of every <see cref="Variation"/>.</summary>
/// <param name="FolderName">Folder (relative to the run's scratch area) holding the project copy, e.g. "run/proj".</param>
/// <param name="HashSeed">PYTHONHASHSEED.</param>
/// <param name="TimeZone">TZ (POSIX strings need no tzdata).</param>
/// <param name="Locale">LANG and LC_ALL.</param>
/// <param name="Home">HOME (a scratch folder name).</param>
/// <param name="Umask">Octal umask.</param>
/// <param name="ReverseCopy">Whether files are copied in reverse order.</param>
public sealed record RunSettings(string FolderName, string HashSeed, string TimeZone, string Locale, string Home, string Umask, bool ReverseCopy)
{
    /// <summary>The first run's settings.</summary>
    public static RunSettings Base(string projectName) =>
        new("run/" + projectName, "0", "UTC", "C.UTF-8", "home", "022", false);

    /// <summary>The value every variation takes in a varied run.</summary>
    public RunSettings With(Variation v, string projectName) => v switch
    {
        Variation.FolderPath => this with { FolderName = "elsewhere/a longer path/" + projectName + "-copy" },
        Variation.HashSeed => this with { HashSeed = "4242" },
        Variation.TimeZone => this with { TimeZone = "XYZ-14:30" },
        Variation.Locale => this with { Locale = "fr_CH.UTF-8" },
        Variation.Home => this with { Home = "other-home/user" },
        Variation.Umask => this with { Umask = "002" },
        Variation.FileOrder => this with { ReverseCopy = true },
        _ => this,
    };

    /// <summary>Settings with every variation applied.</summary>
    public RunSettings WithAll(string projectName) =>
        Enum.GetValues<Variation>().Aggregate(this, (s, v) => s.With(v, projectName));

    /// <summary>Names the variations in which two settings differ.</summary>
    public IReadOnlyList<Variation> DifferencesFrom(RunSettings other)
    {
        var list = new List<Variation>();
        if (FolderName != other.FolderName) list.Add(Variation.FolderPath);
        if (HashSeed != other.HashSeed) list.Add(Variation.HashSeed);
        if (TimeZone != other.TimeZone) list.Add(Variation.TimeZone);
        if (Locale != other.Locale) list.Add(Variation.Locale);
        if (Home != other.Home) list.Add(Variation.Home);
        if (Umask != other.Umask) list.Add(Variation.Umask);
        if (ReverseCopy != other.ReverseCopy) list.Add(Variation.FileOrder);
        return list;
    }
}

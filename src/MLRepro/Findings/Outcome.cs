namespace MLRepro.Findings;

/// <summary>The verdict on one criterion.</summary>
public enum Outcome
{
    /// <summary>The criterion is satisfied.</summary>
    Met,
    /// <summary>Partly satisfied; the finding says what is missing.</summary>
    Partial,
    /// <summary>Not satisfied.</summary>
    NotMet,
    /// <summary>The criterion does not apply to this project (with a reason).</summary>
    NotApplicable,
    /// <summary>Not evaluated because a prerequisite failed or the user excluded it.</summary>
    Skipped,
    /// <summary>Evaluated, but the evidence does not decide it (e.g. needs a run).</summary>
    Inconclusive,
    /// <summary>The check itself failed (a bug); other checks still ran.</summary>
    Error,
}

/// <summary>How strong the evidence behind a finding is.</summary>
public enum Source
{
    /// <summary>The project says so (its REPRODUCIBILITY.md, its README).</summary>
    Declared,
    /// <summary>Files and code show it (static analysis).</summary>
    Found,
    /// <summary>Observed by running the project.</summary>
    Verified,
}

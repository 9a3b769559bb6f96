namespace MLRepro.Findings;

/// <summary>The five levels of the ML Reproducibility Scale.</summary>
public enum StarLevel
{
    /// <summary>★1 Code.</summary>
    Code = 1,
    /// <summary>★2 Configuration.</summary>
    Configuration = 2,
    /// <summary>★3 Data (+ artifacts).</summary>
    Data = 3,
    /// <summary>★4 Environment.</summary>
    Environment = 4,
    /// <summary>★5 Evaluation.</summary>
    Evaluation = 5,
}

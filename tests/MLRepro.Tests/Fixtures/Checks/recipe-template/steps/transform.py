"""The 'transform' step: an unfitted scikit-learn transformer applied before training and at inference."""


def transformer_fn():
    """Returns an *unfitted* transformer that defines ``fit()`` and ``transform()`` methods."""
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline(steps=[("scaler", StandardScaler())])

"""The 'train' step: the estimator the recipe fits."""
from typing import Any, Dict


def estimator_fn(estimator_params: Dict[str, Any] = None):
    """
    Returns an *unfitted* estimator that defines ``fit()`` and ``predict()`` methods, compatible with scikit-learn.
    """
    #
    # FIXME::OPTIONAL: return a scikit-learn-compatible regression estimator with tuned hyperparameters.
    #
    raise NotImplementedError

"""Defines the estimator of the train step."""
from typing import Any, Dict


def estimator_fn(estimator_params: Dict[str, Any] = None):
    """Returns an *unfitted* estimator that defines fit() and predict()."""
    raise NotImplementedError

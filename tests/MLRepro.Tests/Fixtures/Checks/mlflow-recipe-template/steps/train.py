"""The train step: defines the estimator the recipe fits."""
from typing import Any, Dict


def estimator_fn(estimator_params: Dict[str, Any] = None):
    # FIXME::OPTIONAL: return an unfitted sklearn-compatible estimator
    raise NotImplementedError

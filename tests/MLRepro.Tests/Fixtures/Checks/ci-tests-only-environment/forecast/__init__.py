from .model import Forecaster  # noqa: F401

from .build import model_registry

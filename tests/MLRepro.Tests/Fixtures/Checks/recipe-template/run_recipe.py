"""Runs every step of the recipe with the local profile (same as `mlflow recipes run --profile local`)."""
from mlflow.recipes import Recipe

recipe = Recipe(profile="local")
recipe.clean()
recipe.run()

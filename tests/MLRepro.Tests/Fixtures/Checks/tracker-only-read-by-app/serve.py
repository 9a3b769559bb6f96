"""Serves the registered model."""
import mlflow

model = mlflow.pyfunc.load_model("models:/iris@champion")


def predict(rows):
    return model.predict(rows)

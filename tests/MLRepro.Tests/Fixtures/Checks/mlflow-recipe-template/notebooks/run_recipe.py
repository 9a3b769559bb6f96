from mlflow.recipes import Recipe

r = Recipe(profile="local")
r.run("train")
r.inspect("train")

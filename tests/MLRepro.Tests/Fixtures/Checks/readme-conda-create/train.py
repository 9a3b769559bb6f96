import numpy as np
from sklearn.linear_model import Ridge

rng = np.random.default_rng(0)
X = rng.normal(size=(100, 3))
y = X @ np.array([1.0, -2.0, 0.5])
print(Ridge(alpha=1.0).fit(X, y).score(X, y))

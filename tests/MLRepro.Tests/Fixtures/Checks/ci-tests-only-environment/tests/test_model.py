import numpy as np

from forecast import Forecaster


def test_shapes():
    model = Forecaster(backcast=10, horizon=5)
    out = model.predict(np.zeros((3, 10)))
    assert out.shape == (3, 5)

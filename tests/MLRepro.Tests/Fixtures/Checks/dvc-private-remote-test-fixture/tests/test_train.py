from train import load, main


def test_load_splits_target():
    X, y = load("tests/data/weather_sample.csv")
    assert "RainTomorrow" not in X.columns
    assert len(X) == len(y) == 5


def test_main_fits():
    assert main("tests/data/weather_sample.csv") is not None

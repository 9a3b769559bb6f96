"""The transform step: defines the feature transformer."""


def transformer_fn():
    from sklearn.preprocessing import StandardScaler

    return StandardScaler()

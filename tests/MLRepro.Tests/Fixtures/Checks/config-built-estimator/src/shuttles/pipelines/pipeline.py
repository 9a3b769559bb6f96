from kedro.pipeline import Pipeline, node

from .nodes import split_data, train_model


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            node(split_data, ["model_input_table", "params:split_options"], ["X_train", "X_test", "y_train", "y_test"]),
            node(train_model, ["X_train", "y_train", "params:model_options.linear"], "linear_model"),
            node(train_model, ["X_train", "y_train", "params:model_options.forest"], "forest_model"),
        ]
    )

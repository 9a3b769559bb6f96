def test_dataset(df):
    """Schema, labels and integrity of the training data."""
    column_list = ["id", "created_on", "title", "description", "tag"]
    df.expect_table_columns_to_match_ordered_list(column_list=column_list)
    tags = ["computer-vision", "natural-language-processing", "mlops", "other"]
    df.expect_column_values_to_be_in_set(column="tag", value_set=tags)
    df.expect_column_values_to_not_be_null(column="tag")
    df.expect_column_values_to_be_unique(column="id")
    df.expect_column_values_to_be_of_type(column="title", type_="str")
    results = df.validate(only_return_failures=True).to_json_dict()
    assert results["success"]

def check_columns(frame, schema):
    """Every column the schema lists must be present with its dtype."""
    for column, dtype in schema.items():
        if column not in frame.columns:
            raise ValueError(f"missing column {column}")
        if str(frame[column].dtype) != dtype:
            raise ValueError(f"{column} is {frame[column].dtype}, expected {dtype}")

import pandera as pa
from pandera.typing import Series

# Schema of the cleaned training table.
train_schema = pa.DataFrameSchema(
    {
        "age": pa.Column(int, pa.Check.ge(0)),
        "income": pa.Column(float, nullable=True),
        "occupation": pa.Column(str),
        "label": pa.Column(pa.Int8, pa.Check.isin([0, 1])),
    },
    strict=True,
)


class Prediction(pa.DataFrameModel):
    """Rows written by predict.py."""

    row_id: Series[int] = pa.Field(unique=True)
    score: Series[float] = pa.Field(ge=0, le=1)

    class Config:
        coerce = True


def validate(df):
    return train_schema.validate(df)

"""Readers load the datasets a job needs."""

import abc
import typing as T

import pandas as pd
import pydantic as pdt


class Reader(abc.ABC, pdt.BaseModel, strict=True, frozen=True, extra="forbid"):
    KIND: str

    limit: int | None = None

    @abc.abstractmethod
    def read(self) -> pd.DataFrame:
        """Read a dataframe from the source."""


class ParquetReader(Reader):
    KIND: T.Literal["ParquetReader"] = "ParquetReader"

    path: str

    def read(self) -> pd.DataFrame:
        data = pd.read_parquet(self.path)
        if self.limit is not None:
            data = data.head(self.limit)
        return data


ReaderKind = ParquetReader

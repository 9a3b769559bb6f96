import typing as T

import pydantic as pdt
from sklearn.ensemble import RandomForestRegressor

from tabular import readers


class TrainingJob(pdt.BaseModel, strict=True, frozen=True, extra="forbid"):
    KIND: T.Literal["TrainingJob"] = "TrainingJob"

    inputs: readers.ReaderKind = pdt.Field(..., discriminator="KIND")
    targets: readers.ReaderKind = pdt.Field(..., discriminator="KIND")
    n_estimators: int = 100

    def run(self) -> dict:
        inputs = self.inputs.read()
        targets = self.targets.read()
        model = RandomForestRegressor(n_estimators=self.n_estimators, random_state=42)
        model.fit(inputs, targets.iloc[:, 0])
        return {"score": model.score(inputs, targets.iloc[:, 0])}

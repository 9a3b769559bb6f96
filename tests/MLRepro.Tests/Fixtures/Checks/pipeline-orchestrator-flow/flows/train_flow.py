from metaflow import FlowSpec, Parameter, step


class TrainFlow(FlowSpec):
    """Load the wine data, split it, fit a random forest and score it."""

    max_depth = Parameter("max_depth", default=6)

    @step
    def start(self):
        from sklearn.datasets import load_wine
        import pandas as pd

        data = load_wine(as_frame=True)
        self.frame = pd.concat([data.data, data.target.rename("target")], axis=1)
        self.next(self.split)

    @step
    def split(self):
        from sklearn.model_selection import train_test_split

        self.train, self.test = train_test_split(self.frame, test_size=0.25, random_state=0)
        self.next(self.fit)

    @step
    def fit(self):
        from sklearn.ensemble import RandomForestClassifier

        self.model = RandomForestClassifier(max_depth=self.max_depth, random_state=0)
        self.model.fit(self.train.drop(columns="target"), self.train["target"])
        self.next(self.end)

    @step
    def end(self):
        self.score = self.model.score(self.test.drop(columns="target"), self.test["target"])
        print("accuracy", self.score)


if __name__ == "__main__":
    TrainFlow()

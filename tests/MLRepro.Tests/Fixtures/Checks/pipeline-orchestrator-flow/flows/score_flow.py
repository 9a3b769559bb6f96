from metaflow import Flow, FlowSpec, step


class ScoreFlow(FlowSpec):
    """Score the latest TrainFlow model on its held-out split."""

    @step
    def start(self):
        run = Flow("TrainFlow").latest_successful_run
        self.model = run.data.model
        self.test = run.data.test
        self.next(self.end)

    @step
    def end(self):
        print("accuracy", self.model.score(self.test.drop(columns="target"), self.test["target"]))


if __name__ == "__main__":
    ScoreFlow()

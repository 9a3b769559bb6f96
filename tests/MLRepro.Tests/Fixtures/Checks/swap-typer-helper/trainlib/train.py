import typer
from typing_extensions import Annotated

from trainlib.data import load_data

app = typer.Typer()


@app.command()
def train_model(
    experiment_name: Annotated[str, typer.Option(help="name of the experiment")] = None,
    dataset_loc: Annotated[str, typer.Option(help="location of the dataset")] = None,
    num_epochs: Annotated[int, typer.Option(help="number of epochs")] = 1,
):
    ds = load_data(dataset_loc=dataset_loc)
    return ds.count()


if __name__ == "__main__":
    app()

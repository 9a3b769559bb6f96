import ray


def load_data(dataset_loc: str, num_samples: int = None):
    """Load a CSV dataset into a Ray Dataset."""
    ds = ray.data.read_csv(dataset_loc)
    ds = ds.random_shuffle(seed=1234)
    return ray.data.from_items(ds.take(num_samples)) if num_samples else ds

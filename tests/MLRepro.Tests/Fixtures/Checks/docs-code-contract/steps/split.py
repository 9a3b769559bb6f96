def create_dataset_filter(dataset):
    raise NotImplementedError

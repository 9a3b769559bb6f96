from random import Random


def shuffle_csv_file(filename, filename_shuffled, seed=3623365):
    """Shuffle the rows of a CSV file, keeping the header first (deterministic for a given seed)."""
    rand = Random()
    rand.seed(seed)
    with open(filename) as fp:
        lines = fp.readlines()
    header, rows = lines[0], lines[1:]
    rand.shuffle(rows)
    with open(filename_shuffled, "w") as fp:
        fp.writelines([header] + rows)

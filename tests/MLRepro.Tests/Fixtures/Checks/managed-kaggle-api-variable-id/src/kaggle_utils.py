import os
from zipfile import ZipFile

from kaggle import api


def ensure_competition_data(competition, input_dir):
    """Download the competition files into input_dir unless they are already there."""
    os.makedirs(input_dir, exist_ok=True)
    if os.listdir(input_dir):
        return
    api.competition_download_files(competition, path=input_dir)
    with ZipFile(os.path.join(input_dir, competition + ".zip")) as archive:
        archive.extractall(input_dir)

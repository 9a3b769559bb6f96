FEATURE_DIR = "features/"
SUBMIT_DIR = "output/"
N_FOLDS = 5

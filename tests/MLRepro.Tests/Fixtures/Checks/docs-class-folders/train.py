import tensorflow as tf

DATA_DIR = "data/leaves/train"

train = tf.keras.utils.image_dataset_from_directory(DATA_DIR, image_size=(128, 128), seed=1)

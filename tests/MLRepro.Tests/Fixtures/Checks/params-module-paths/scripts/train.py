import tensorflow as tf
from tensorflow.keras.preprocessing import image_dataset_from_directory

from scripts.params import BATCH_SIZE, DATASET_DIR, LEARNING_RATE

train_dataset = image_dataset_from_directory(DATASET_DIR / "train", shuffle=True, batch_size=BATCH_SIZE)
model = tf.keras.Sequential([tf.keras.layers.Rescaling(1.0 / 255), tf.keras.layers.Dense(2)])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE), loss="sparse_categorical_crossentropy")
model.fit(train_dataset, epochs=1)

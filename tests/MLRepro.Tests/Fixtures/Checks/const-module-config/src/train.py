import tensorflow as tf

from src.const.training_const import BATCH_SIZE, EPOCHS, IMG_SIZE, LEARNING_RATE, MODEL_PATH, TRAIN_DIR

if __name__ == "__main__":
    tf.keras.utils.set_random_seed(7)
    train = tf.keras.utils.image_dataset_from_directory(TRAIN_DIR, image_size=IMG_SIZE, batch_size=BATCH_SIZE, seed=7)
    model = tf.keras.Sequential([tf.keras.layers.Rescaling(1 / 255), tf.keras.layers.Flatten(), tf.keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE), loss="binary_crossentropy")
    model.fit(train, epochs=EPOCHS)
    model.save(MODEL_PATH)

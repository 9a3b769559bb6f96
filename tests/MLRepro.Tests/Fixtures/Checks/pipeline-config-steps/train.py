import os

import tensorflow as tf
import yaml

from model import InpaintModel


def main():
    with open("config.yml") as f:
        cfg = yaml.safe_load(f)
    files = tf.data.TextLineDataset(cfg["dataset_flist"])
    images = files.map(lambda p: tf.image.resize(tf.io.decode_png(tf.io.read_file(p)), (cfg["img_height"], cfg["img_width"])))
    images = images.shuffle(1000).batch(cfg["batch_size"]).repeat()
    model = InpaintModel()
    optimizer = tf.keras.optimizers.Adam(cfg["learning_rate"])
    ckpt = tf.train.Checkpoint(model=model, optimizer=optimizer)
    manager = tf.train.CheckpointManager(ckpt, cfg["log_dir"], max_to_keep=3)
    for step, batch in enumerate(images.take(cfg["max_iters"])):
        with tf.GradientTape() as tape:
            loss = model.loss(batch, cfg["gan_loss_alpha"])
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        if step % cfg["steps_per_epoch"] == 0:
            manager.save()
            print(step, float(loss))


if __name__ == "__main__":
    main()

import glob

import cv2
import numpy as np
import tensorflow as tf

from net import build_generator, build_losses


def batches(files, size=8):
    while True:
        picks = np.random.choice(files, size)
        yield np.stack([cv2.imread(f).astype(np.float32) / 127.5 - 1.0 for f in picks])


def main():
    tf.set_random_seed(0)
    np.random.seed(0)
    files = sorted(glob.glob("data/train/*.png"))
    images = tf.placeholder(tf.float32, [None, 256, 256, 3])
    masked = images * 0.5
    fake = build_generator(masked)
    loss = build_losses(images, fake)
    train_op = tf.train.AdamOptimizer(1e-4).minimize(loss)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        gen = batches(files)
        for step in range(10000):
            _, value = sess.run([train_op, loss], feed_dict={images: next(gen)})
            if step % 100 == 0:
                print("step", step, "loss", value)
        saver.save(sess, "logs/run1/model")


if __name__ == "__main__":
    main()

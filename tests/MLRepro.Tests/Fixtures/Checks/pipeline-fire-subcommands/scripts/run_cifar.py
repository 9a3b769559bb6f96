"""
python3 scripts/run_cifar.py train --model_dir gs://bucket/run1 --tpu_name my-tpu
python3 scripts/run_cifar.py evaluation --model_dir gs://bucket/run1 --tpu_name eval-tpu
"""
import fire
import tensorflow as tf

from model import tpu_training


def _input_fn(params):
    ds = tf.data.TFRecordDataset("gs://bucket/cifar10/train.tfrecords")
    return ds.batch(params["batch_size"], drop_remainder=True)


def evaluation(model_dir, tpu_name, total_bs=256):
    ckpt = tf.train.latest_checkpoint(model_dir)
    print("evaluating", ckpt, tpu_name, total_bs)


def train(model_dir, tpu_name, total_bs=128, lr=2e-4):
    tpu_training.run_training(model_dir=model_dir, tpu=tpu_name, input_fn=_input_fn, total_bs=total_bs, lr=lr)


if __name__ == "__main__":
    fire.Fire()

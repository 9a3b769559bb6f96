import tensorflow as tf


def sample_device():
    # Sampling from an exported checkpoint also works on a workstation.
    device = "/gpu:0" if tf.test.is_gpu_available() else "/cpu:0"
    return device

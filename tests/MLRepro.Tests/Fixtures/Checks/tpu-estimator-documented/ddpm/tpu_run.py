import tensorflow.compat.v1 as tf


def make_estimator(model_fn, tpu_name, model_dir, batch_size):
    resolver = tf.distribute.cluster_resolver.TPUClusterResolver(tpu=tpu_name)
    config = tf.estimator.tpu.RunConfig(
        cluster=resolver,
        model_dir=model_dir,
        tpu_config=tf.estimator.tpu.TPUConfig(iterations_per_loop=1000),
    )
    return tf.estimator.tpu.TPUEstimator(
        model_fn=model_fn, use_tpu=True, config=config, train_batch_size=batch_size)

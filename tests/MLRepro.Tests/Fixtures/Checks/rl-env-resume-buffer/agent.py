import argparse
import os
import pickle

import numpy
import torch

from games.cartpole import Game

RESULTS = "results"
BUFFER_PATH = os.path.join(RESULTS, "replay_buffer.pkl")
MODEL_PATH = os.path.join(RESULTS, "model.checkpoint")


def load_state(checkpoint_path=None, replay_buffer_path=None):
    """Resumes from a checkpoint and/or a replay buffer that an earlier run saved."""
    buffer, weights = [], None
    if replay_buffer_path:
        with open(replay_buffer_path, "rb") as f:
            buffer = pickle.load(f)
    if checkpoint_path:
        weights = torch.load(checkpoint_path)
    return buffer, weights


def save_state(buffer, model):
    os.makedirs(RESULTS, exist_ok=True)
    with open(BUFFER_PATH, "wb") as f:
        pickle.dump(buffer, f)
    torch.save(model.state_dict(), MODEL_PATH)


def main(checkpoint=None, replay_buffer=None, episodes=200, seed=0):
    numpy.random.seed(seed)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(4, 64), torch.nn.ReLU(), torch.nn.Linear(64, 2))
    buffer, weights = load_state(checkpoint, replay_buffer)
    if weights is not None:
        model.load_state_dict(weights)
    game = Game(seed)
    for _ in range(episodes):
        observation, done, history = game.reset(), False, []
        while not done:
            logits = model(torch.tensor(observation, dtype=torch.float32).reshape(1, 4))
            action = int(torch.argmax(logits))
            observation, reward, done = game.step(action)
            history.append((observation, action, reward))
        buffer.append(history)
    save_state(buffer, model)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", help="resume from this model.checkpoint")
    parser.add_argument("--replay-buffer", help="resume from this replay_buffer.pkl")
    parser.add_argument("--episodes", type=int, default=200)
    args = parser.parse_args()
    main(args.checkpoint, args.replay_buffer, args.episodes)

"""Trains a policy on a toy control task and records an evaluation video each episode."""
import imageio
import numpy as np
import torch


class VideoRecorder:
    def __init__(self):
        self.frames = []

    def record(self, frame):
        self.frames.append(frame)

    def save(self, file_name):
        imageio.mimsave(file_name, self.frames, fps=30)


torch.manual_seed(0)
np.random.seed(0)
policy = torch.nn.Linear(4, 2)
opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
video_recorder = VideoRecorder()
for episode in range(10):
    obs = torch.randn(4)
    loss = policy(obs).pow(2).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    video_recorder.record(np.zeros((64, 64, 3), dtype=np.uint8))
    video_recorder.save(f"eval_{episode}.mp4")

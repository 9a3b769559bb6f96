from collections import deque

import atari_py
import cv2
import torch


class Env:
    def __init__(self, args):
        self.device = args.device
        self.ale = atari_py.ALEInterface()
        self.ale.setInt("random_seed", args.seed)
        self.ale.setInt("max_num_frames_per_episode", args.max_episode_length)
        self.ale.setFloat("repeat_action_probability", 0)
        self.ale.setInt("frame_skip", 0)
        self.ale.loadROM(atari_py.get_game_path(args.game))
        self.actions = dict((i, a) for i, a in enumerate(self.ale.getMinimalActionSet()))
        self.window = args.history_length
        self.state_buffer = deque([], maxlen=args.history_length)

    def _get_state(self):
        state = cv2.resize(self.ale.getScreenGrayscale(), (84, 84), interpolation=cv2.INTER_LINEAR)
        return torch.tensor(state, dtype=torch.float32, device=self.device).div_(255)

    def reset(self):
        self.ale.reset_game()
        for _ in range(self.window):
            self.state_buffer.append(self._get_state())
        return torch.stack(list(self.state_buffer), 0)

    def step(self, action):
        reward = self.ale.act(self.actions.get(action))
        self.state_buffer.append(self._get_state())
        return torch.stack(list(self.state_buffer), 0), reward, self.ale.game_over()

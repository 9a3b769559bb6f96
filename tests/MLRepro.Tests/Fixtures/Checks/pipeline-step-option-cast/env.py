import atari_py
import torch


class Env:
    def __init__(self, game, device):
        self.ale = atari_py.ALEInterface()
        self.ale.loadROM(atari_py.get_game_path(game))
        self.device = device
        self.actions = self.ale.getMinimalActionSet()

    def action_space(self):
        return len(self.actions)

    def reset(self):
        self.ale.reset_game()
        return torch.zeros(84, 84, device=self.device)

    def step(self, action):
        reward = self.ale.act(self.actions[action])
        screen = torch.tensor(self.ale.getScreenGrayscale()[:84, :84], dtype=torch.float32, device=self.device)
        return screen, reward, self.ale.game_over()

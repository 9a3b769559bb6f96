"""TD(0) against constant-alpha Monte Carlo on the five-state random walk (chapter 6)."""
import matplotlib.pyplot as plt
import numpy as np

TRUE_VALUE = np.arange(1, 6) / 6.0


def temporal_difference(values, alpha=0.1):
    state = 3
    while state not in (0, 6):
        old_state = state
        state += 1 if np.random.binomial(1, 0.5) == 1 else -1
        values[old_state] += alpha * (values[state] - values[old_state])


def rms_error(episodes=100, runs=100):
    errors = np.zeros(episodes)
    for _ in range(runs):
        values = np.full(7, 0.5)
        for i in range(episodes):
            errors[i] += np.sqrt(np.mean((TRUE_VALUE - values[1:6]) ** 2)) / runs
            temporal_difference(values)
    plt.plot(errors)
    plt.savefig("example_6_2.png")


if __name__ == "__main__":
    rms_error()

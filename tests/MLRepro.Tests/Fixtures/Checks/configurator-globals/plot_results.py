import matplotlib.pyplot as plt


def plot(losses):
    fig, ax = plt.subplots()
    ax.plot(losses, alpha=0.5)
    ax.grid(alpha=0.2)
    plt.savefig("loss.png")


if __name__ == "__main__":
    plot([3.0, 2.0, 1.5])

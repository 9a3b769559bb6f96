import matplotlib.pyplot as plt
import pandas as pd

log = pd.read_csv("log.csv")
plt.plot(log["episode"], log["reward"])
plt.savefig("reward.png")

import pandas as pd

loc = "/home/user/liberty"

submission = pd.read_csv(loc + "/submission_a.csv")
submission["Hazard"] = 0.5 * submission["Hazard"]
submission.to_csv(loc + "/combined_res7.csv", index=False)

rb = pd.read_csv(loc + "/results_blended.csv")
result = rb.mean()
print(result)

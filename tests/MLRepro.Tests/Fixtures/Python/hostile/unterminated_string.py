# expect: python.unterminated-string
import os
path = "data/train.csv
os.listdir(path)
msg = """never closed

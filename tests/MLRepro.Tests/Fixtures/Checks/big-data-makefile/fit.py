import pickle
import sys

if __name__ == "__main__":
    pickle.dump({}, open(sys.argv[2], "wb"))

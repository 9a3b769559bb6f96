from pkg.prep import prepare

if __name__ == "__main__":
    print(prepare([1.0, 2.0]))

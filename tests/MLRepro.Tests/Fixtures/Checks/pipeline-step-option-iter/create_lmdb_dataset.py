import argparse
import os

import lmdb

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--input_path", required=True)
    parser.add_argument("--gt_file", required=True, help="lines of 'image_path<TAB>label'")
    parser.add_argument("--output_path", required=True)
    args = parser.parse_args()
    env = lmdb.open(args.output_path, map_size=1 << 40)
    with open(args.gt_file, encoding="utf-8") as f, env.begin(write=True) as txn:
        count = 0
        for line in f:
            path, label = line.rstrip("\n").split("\t")
            with open(os.path.join(args.input_path, path), "rb") as img:
                txn.put(f"image-{count:09d}".encode(), img.read())
            txn.put(f"label-{count:09d}".encode(), label.encode())
            count += 1
        txn.put(b"num-samples", str(count).encode())

#!/usr/bin/python3
"""Write every labelled repository of a set at its labelled commit, from bare git snapshots.

    checkout.py SET.yaml ROOT [--mirror DIR]

For each repository of SET.yaml it reads the bare git directory DIR/<owner>+<name>/repo (or .../repo/.git,
as the `fetch` tool leaves them) and writes the commit's tree to ROOT/<owner>+<name>. Snapshots lack blobs of
4 MiB and more, and `git checkout` stops at the first missing blob; this writes every blob the snapshot has and
reports how many it skipped, so that mlrepro sees the rest of the tree. Existing checkouts are left alone.
Standard library and the git command only.
"""

import argparse
import os
import subprocess
import sys
import threading

import run


def extract(git_dir, commit, dest):
    """Writes the commit's tree to dest; returns the number of blobs the snapshot lacks."""
    tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", commit], capture_output=True, check=True).stdout
    entries = []
    for rec in tree.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob":
            entries.append((mode, sha, path))
    cat = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        for _, sha, _ in entries:
            cat.stdin.write(sha + b"\n")
        cat.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    missing = 0
    for mode, sha, path in entries:
        header = cat.stdout.readline().split()
        if header[-1] == b"missing":
            missing += 1
            continue
        data = cat.stdout.read(int(header[2]))
        cat.stdout.read(1)
        full = os.path.join(os.fsencode(dest), path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if mode == b"120000":  # a symbolic link: its blob is the target
            try:
                os.symlink(data, full)
            except OSError:
                pass
            continue
        with open(full, "wb") as f:
            f.write(data)
        if mode == b"100755":
            os.chmod(full, 0o755)
    cat.wait()
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels")
    ap.add_argument("root")
    ap.add_argument("--mirror", default="/work/.mirror")
    args = ap.parse_args()
    repos, errors = run.load_labels(args.labels)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    status = 0
    for r in repos:
        name = r["repo"].replace("/", "+")
        dest = os.path.join(args.root, name)
        if os.path.isdir(dest):
            continue
        git_dir = os.path.join(args.mirror, name, "repo")
        if os.path.isdir(os.path.join(git_dir, ".git")):
            git_dir = os.path.join(git_dir, ".git")
        if not os.path.isdir(git_dir):
            print(f"{r['repo']}: no snapshot at {git_dir} (fetch it first)", file=sys.stderr)
            status = 1
            continue
        tmp = dest + ".part"
        try:
            missing = extract(git_dir, r["commit"], tmp)
        except subprocess.CalledProcessError as e:
            print(f"{r['repo']}: commit {r['commit']} not in the snapshot ({e.stderr.decode().strip()[:200]})", file=sys.stderr)
            status = 1
            continue
        os.rename(tmp, dest)
        if missing:
            print(f"{r['repo']}: {missing} blob(s) missing from the snapshot, skipped", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Agreement between two sets of hand labels of the same repositories (inter-reviewer agreement).

Usage: agree.py FIRST.yaml SECOND.yaml [SECOND2.yaml ...] [--mlrepro RAW_DIR]

The second files are joined (a second opinion written in parts). Prints exact and lenient agreement per
criterion and overall, with the same definitions as run.py (lenient: also partial ~ notMet, and inconclusive on
either side ~ anything). This is the ceiling to read mlrepro's agreement against: two careful reviewers of the
same commit do not agree on every judgement call either.

With --mlrepro RAW_DIR (the folder of mlrepro's JSON per repository that run.py --raw writes), also splits mlrepro's
verdicts by whether the two reviewers agree: where they agree, how often mlrepro gives the same outcome (what it gets
wrong there is its own error, not label noise); where they differ, how often mlrepro gives one of the two outcomes.
"""
import json
import os
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from run import CRITERIA, lenient_equal, load_labels  # noqa: E402


def main(argv):
    raw = None
    if "--mlrepro" in argv:
        i = argv.index("--mlrepro")
        if i + 1 >= len(argv):
            print(__doc__)
            return 2
        raw = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if len(argv) < 3:
        print(__doc__)
        return 2
    def load(path):
        repos, errors = load_labels(path)
        for e in errors:
            print(f"warning: {e}", file=sys.stderr)
        return repos

    first = {r["repo"]: r for r in load(argv[1])}
    second = {}
    for path in argv[2:]:
        for r in load(path):
            second[r["repo"]] = r
    common = [repo for repo in first if repo in second]
    per = {c: [0, 0, 0] for c in CRITERIA}
    stars = 0
    for repo in common:
        a, b = first[repo], second[repo]
        if first[repo].get("commit") != second[repo].get("commit"):
            print(f"warning: {repo} labelled at different commits", file=sys.stderr)
        stars += a.get("stars") == b.get("stars")
        for c in CRITERIA:
            x, y = a["labels"][c]["outcome"], b["labels"][c]["outcome"]
            per[c][0] += 1
            per[c][1] += x == y
            per[c][2] += lenient_equal(x, y)
    print(f"{len(common)} repositories labelled twice; stars agree on {stars}/{len(common)}\n")
    print("| criterion | repos | exact | lenient |\n|---|---:|---:|---:|")
    for c in CRITERIA:
        n, e, l = per[c]
        print(f"| {c} | {n} | {e} | {l} |")
    n = sum(v[0] for v in per.values())
    e = sum(v[1] for v in per.values())
    l = sum(v[2] for v in per.values())
    print(f"| **all** | {n} | **{e} ({100 * e // max(n, 1)}%)** | **{l} ({100 * l // max(n, 1)}%)** |")
    if raw is not None:
        split_mlrepro(raw, common, first, second)
    return 0


def split_mlrepro(raw, common, first, second):
    """mlrepro's agreement on the labels both reviewers give alike, and on those where they differ."""
    same = [0, 0, 0]  # labels, mlrepro equal to both, mlrepro equal to the first
    differ = [0, 0, 0]  # labels, mlrepro equal to one of the two, mlrepro equal to the first
    missing = 0
    for repo in common:
        path = os.path.join(raw, repo.replace("/", "+") + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                verdicts = {x["criterion"]: x["outcome"] for x in json.load(f)["findings"]}
        except (OSError, ValueError, KeyError):
            missing += 1
            continue
        for c in CRITERIA:
            x, y = first[repo]["labels"][c]["outcome"], second[repo]["labels"][c]["outcome"]
            o = verdicts.get(c)
            row = same if x == y else differ
            row[0] += 1
            row[1] += o in (x, y)
            row[2] += o == x
    if missing:
        print(f"warning: no mlrepro output for {missing} repositories in {raw}", file=sys.stderr)
    print(f"\nmlrepro ({raw}): on the {same[0]} labels the two reviewers give alike it agrees on {same[1]} "
          f"({100 * same[1] // max(same[0], 1)}%); on the {differ[0]} where they differ it gives one of the two outcomes "
          f"on {differ[1]} ({100 * differ[1] // max(differ[0], 1)}%). Against the first reviewer alone: "
          f"{same[2] + differ[2]}/{same[0] + differ[0]}.")


if __name__ == "__main__":
    sys.exit(main(sys.argv))

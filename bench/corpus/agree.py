#!/usr/bin/env python3
"""Agreement between two sets of hand labels of the same repositories (inter-reviewer agreement).

Usage: agree.py FIRST.yaml SECOND.yaml [SECOND2.yaml ...]

The second files are joined (a second opinion written in parts). Prints exact and lenient agreement per
criterion and overall, with the same definitions as run.py (lenient: also partial ~ notMet, and inconclusive on
either side ~ anything). This is the ceiling to read mlrepro's agreement against: two careful reviewers of the
same commit do not agree on every judgement call either.
"""
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from run import CRITERIA, lenient_equal, load_labels  # noqa: E402


def main(argv):
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Measure mlrepro's agreement with the hand labels in labels.yaml.

Standard library only. For every labelled repository it finds the checkout (by default
/tmp/corpus/<owner>+<name>), runs `dotnet mlrepro.dll check <dir> --format json`, and compares
each criterion's outcome with the label:

- exact:   the outcomes are equal;
- lenient: also partial ~ notMet, and inconclusive (on either side) ~ anything.

It prints a per-criterion agreement table, per-repository stars (labelled vs mlrepro), the
overall figures and every disagreement. With --markdown FILE it also writes the same report as
Markdown (used for RESULTS.md).
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DLL = os.path.join(REPO_ROOT, "src", "MLRepro.Cli", "bin", "Release", "net10.0", "mlrepro.dll")
OUTCOMES = ("met", "partial", "notMet", "notApplicable", "inconclusive")
CRITERIA = (
    "code.runs", "code.example-input", "code.deterministic",
    "config.files", "config.seeds", "config.used", "config.deterministic",
    "data.managed", "data.documented", "data.swappable", "data.pipeline",
    "env.packages", "env.example", "env.hardware",
    "eval.predict", "eval.compare",
)
LEVEL_OF = {c: i + 1 for i, p in enumerate(("code.", "config.", "data.", "env.", "eval."))
            for c in CRITERIA if c.startswith(p)}
CHECK_TIMEOUT_S = 300


# --------------------------------------------------------------------------- labels.yaml
# labels.yaml uses a small, fixed subset of YAML (see the file); parsing it here keeps the
# script free of third-party packages.
_REPO_RE = re.compile(r"^  - repo:\s*(\S+)\s*$")
_FIELD_RE = re.compile(r"^    (commit|kind|stars):\s*(.*?)\s*$")
_LABEL_RE = re.compile(r'^      ([A-Za-z0-9.\-]+):\s*\{outcome:\s*(\w+),\s*why:\s*"(.*)"\}\s*$')


def load_labels(path):
    repos, cur, errors = [], None, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#") or line in ("repos:",):
                continue
            m = _REPO_RE.match(line)
            if m:
                cur = {"repo": m.group(1), "labels": {}}
                repos.append(cur)
                continue
            m = _FIELD_RE.match(line)
            if m and cur is not None:
                key, val = m.group(1), m.group(2)
                cur[key] = int(val) if key == "stars" else val
                continue
            if line.strip() == "labels:":
                continue
            m = _LABEL_RE.match(line)
            if m and cur is not None:
                crit, outcome, why = m.groups()
                if crit not in CRITERIA:
                    errors.append(f"{path}:{n}: unknown criterion {crit}")
                if outcome not in OUTCOMES:
                    errors.append(f"{path}:{n}: unknown outcome {outcome}")
                cur["labels"][crit] = {"outcome": outcome, "why": why}
                continue
            errors.append(f"{path}:{n}: cannot parse: {line}")
    for r in repos:
        missing = [c for c in CRITERIA if c not in r["labels"]]
        if missing:
            errors.append(f"{r['repo']}: missing labels for {', '.join(missing)}")
    return repos, errors


def load_judgments(path):
    """(criterion, repo) -> (verdict judged, who is right, note); tab-separated, '#' comments."""
    out = {}
    if not path or not os.path.isfile(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                out[(parts[0], parts[1])] = (parts[2], parts[3], parts[4])
    return out


def pyramid_stars(outcome_of):
    """Stars by the pyramid rule: every applicable criterion of levels 1..N met."""
    stars = 0
    for level in range(1, 6):
        crits = [c for c in CRITERIA if LEVEL_OF[c] == level]
        if all(outcome_of[c] in ("met", "notApplicable") for c in crits):
            stars = level
        else:
            break
    return stars


def lenient_equal(a, b):
    if a == b or "inconclusive" in (a, b):
        return True
    return {a, b} == {"partial", "notMet"}


# --------------------------------------------------------------------------- running mlrepro
def run_mlrepro(dll, directory, raw_dir):
    cmd = ["dotnet", dll, "check", directory, "--format", "json"]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=CHECK_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {CHECK_TIMEOUT_S}s"
    if raw_dir:
        os.makedirs(raw_dir, exist_ok=True)
        with open(os.path.join(raw_dir, os.path.basename(directory) + ".json"), "w", encoding="utf-8") as f:
            f.write(p.stdout)
    try:
        return json.loads(p.stdout), None
    except json.JSONDecodeError:
        return None, f"exit {p.returncode}, no JSON; stderr: {p.stderr.strip()[:300]}"


# --------------------------------------------------------------------------- report
def pct(a, b):
    return f"{100.0 * a / b:.0f}%" if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.yaml"))
    ap.add_argument("--root", default="/tmp/corpus", help="folder holding <owner>+<name> checkouts")
    ap.add_argument("--dll", default=DEFAULT_DLL, help="path to the built mlrepro.dll")
    ap.add_argument("--only", action="append", default=[], help="owner/name to include (repeatable)")
    ap.add_argument("--raw", default=None, help="folder to keep mlrepro's JSON output per repo")
    ap.add_argument("--markdown", default=None, help="also write the report as Markdown to this file")
    ap.add_argument("--judgments", default=os.path.join(HERE, "judgments.tsv"),
                    help="reviewer judgments of past disagreements (shown when the verdict is unchanged)")
    args = ap.parse_args()

    repos, errors = load_labels(args.labels)
    judgments = load_judgments(args.judgments)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    if not os.path.isfile(args.dll):
        print(f"mlrepro.dll not found at {args.dll}; build it with:\n"
              f"  dotnet build {os.path.join(REPO_ROOT, 'src', 'MLRepro.Cli')} -c Release", file=sys.stderr)
        return 2

    per_crit = {c: {"n": 0, "exact": 0, "lenient": 0} for c in CRITERIA}
    rows, disagreements, skipped, notes = [], [], [], []
    for r in repos:
        if args.only and r["repo"] not in args.only:
            continue
        d = os.path.join(args.root, r["repo"].replace("/", "+"))
        if not os.path.isdir(d):
            skipped.append(r["repo"])
            print(f"skip {r['repo']}: no checkout at {d}. Fetch it (see README.md), e.g.\n"
                  f"  git clone https://github.com/{r['repo']} {d} && git -C {d} checkout {r.get('commit', 'HEAD')}",
                  file=sys.stderr)
            continue
        if pyramid_stars({c: v["outcome"] for c, v in r["labels"].items()}) != r.get("stars"):
            notes.append(f"{r['repo']}: labelled stars {r.get('stars')} differ from the pyramid rule applied "
                         f"to the labels ({pyramid_stars({c: v['outcome'] for c, v in r['labels'].items()})})")
        result, err = run_mlrepro(args.dll, d, args.raw)
        if result is None:
            skipped.append(r["repo"])
            print(f"skip {r['repo']}: mlrepro failed: {err}", file=sys.stderr)
            continue
        found = {f["criterion"]: f for f in result.get("findings", [])}
        exact = lenient = 0
        for c in CRITERIA:
            label = r["labels"][c]["outcome"]
            f = found.get(c)
            verdict = f["outcome"] if f else "(missing)"
            e, l = label == verdict, lenient_equal(label, verdict)
            per_crit[c]["n"] += 1
            per_crit[c]["exact"] += e
            per_crit[c]["lenient"] += l
            exact += e
            lenient += l
            if not e:
                disagreements.append({
                    "repo": r["repo"], "criterion": c, "label": label, "verdict": verdict,
                    "lenient": l, "why": r["labels"][c]["why"],
                    "message": (f or {}).get("message", ""),
                })
        rows.append((r["repo"], r.get("stars"), result.get("stars"), exact, lenient))

    n_all = sum(v["n"] for v in per_crit.values())
    e_all = sum(v["exact"] for v in per_crit.values())
    l_all = sum(v["lenient"] for v in per_crit.values())
    star_eq = sum(1 for row in rows if row[1] == row[2])

    out = []
    out.append("## Per-criterion agreement\n")
    out.append("| criterion | repos | exact | lenient |")
    out.append("|---|---:|---:|---:|")
    for c in CRITERIA:
        v = per_crit[c]
        out.append(f"| {c} | {v['n']} | {v['exact']} ({pct(v['exact'], v['n'])}) | {v['lenient']} ({pct(v['lenient'], v['n'])}) |")
    out.append(f"| **all** | {n_all} | **{e_all} ({pct(e_all, n_all)})** | **{l_all} ({pct(l_all, n_all)})** |")
    out.append("\n## Per-repository agreement and stars\n")
    out.append("| repo | labelled stars | mlrepro stars | exact | lenient |")
    out.append("|---|---:|---:|---:|---:|")
    for repo, ls, ms, e, l in rows:
        mark = "" if ls == ms else " ≠"
        out.append(f"| {repo} | {ls} | {ms}{mark} | {e}/16 | {l}/16 |")
    out.append(f"\nStars agree on {star_eq}/{len(rows)} repositories.")
    out.append(f"\nOverall: exact {e_all}/{n_all} ({pct(e_all, n_all)}), lenient {l_all}/{n_all} ({pct(l_all, n_all)}).")
    if skipped:
        out.append(f"\nSkipped (no checkout or mlrepro failure): {', '.join(skipped)}")
    for note in notes:
        out.append(f"\nNote: {note}")
    who_count = {}
    for d in disagreements:
        j = judgments.get((d["criterion"], d["repo"]))
        d["judged"] = j if j and j[0] == d["verdict"] else None
        key = d["judged"][1] if d["judged"] else "unjudged"
        who_count[key] = who_count.get(key, 0) + 1
    out.append("\nDisagreements by reviewer judgment: " + ", ".join(
        f"{k} {v}" for k, v in sorted(who_count.items())) +
        " (label = mlrepro is wrong; mlrepro = the label was wrong or generous; both = defensible either way;"
        " unjudged = new since the judgments were written).")
    out.append("\n| criterion | disagreements | mlrepro wrong (label) | label wrong (mlrepro) | both defensible | unjudged |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for c in CRITERIA:
        ds = [d for d in disagreements if d["criterion"] == c]
        by = lambda w: sum(1 for d in ds if (d["judged"][1] if d["judged"] else "unjudged") == w)
        out.append(f"| {c} | {len(ds)} | {by('label')} | {by('mlrepro')} | {by('both')} | {by('unjudged')} |")
    ok = e_all + who_count.get("mlrepro", 0) + who_count.get("both", 0)
    out.append(f"\nDefensible verdicts (exact matches plus disagreements judged 'mlrepro' or 'both'): "
               f"{ok}/{n_all} ({pct(ok, n_all)}).")
    out.append("\n## Disagreements\n")
    out.append("| criterion | repo | label | mlrepro | lenient | right | label reason | mlrepro message | judgment |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for d in sorted(disagreements, key=lambda x: (CRITERIA.index(x["criterion"]), x["repo"])):
        msg = d["message"].replace("|", "\\|").replace("\n", " ")
        why = d["why"].replace("|", "\\|")
        who, note = (d["judged"][1], d["judged"][2].replace("|", "\\|")) if d["judged"] else ("?", "(not yet judged)")
        out.append(f"| {d['criterion']} | {d['repo']} | {d['label']} | {d['verdict']} | "
                   f"{'yes' if d['lenient'] else 'no'} | {who} | {why} | {msg} | {note} |")
    text = "\n".join(out)
    print(text)
    if args.markdown:
        head = (f"_Generated {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by "
                f"bench/corpus/run.py over {len(rows)} repositories._\n\n")
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(head + text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

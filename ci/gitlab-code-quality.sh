#!/usr/bin/env bash
# Converts mlrepro's JSON assessment into a GitLab code-quality report: a JSON array of
# {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}, one entry per
# criterion that is not met (notMet → major, partial/unknown → minor; met and not-applicable are left out).
#
#   mlrepro check PROJECT -f json -o mlrepro.json
#   bash ci/gitlab-code-quality.sh mlrepro.json [PREFIX] > gl-code-quality-report.json
#
# PREFIX is the project folder relative to the repository root (paths in the assessment are relative to
# the project; GitLab wants them relative to the repository). A criterion with no file evidence points at
# PREFIX/REPRODUCIBILITY.md, the file that would record it. Needs jq and md5sum.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 REPORT.json [PREFIX]" >&2; exit 2; }
report=$1
prefix=${2:-}
prefix=${prefix#./}; prefix=${prefix%/}; [ "$prefix" = "." ] && prefix=""
command -v jq >/dev/null || { echo "$0: jq is required" >&2; exit 2; }

jq -c --arg prefix "$prefix" '
  def under(p): if $prefix == "" then p else $prefix + "/" + p end;
  [ .findings[]
    | select(.outcome != "met" and .outcome != "notApplicable")
    | (first(.evidence[]? | select((.path // "") != "")) // null) as $ev
    | {
        description: ("★\(.level) \(.title): \(.message)" + (if .fix then " Fix: \(.fix)" else "" end)),
        check_name: ("mlrepro." + .criterion),
        severity: (if .outcome == "notMet" then "major" else "minor" end),
        location: {
          path: under(if $ev then $ev.path else "REPRODUCIBILITY.md" end),
          lines: { begin: ((if $ev then $ev.line else null end) // 1) }
        }
      } ]' "$report" >"${TMPDIR:-/tmp}/mlrepro-cq.$$"

# GitLab matches issues across pipelines by fingerprint: the MD5 of the criterion and its location.
jq -c '.[]' "${TMPDIR:-/tmp}/mlrepro-cq.$$" | while IFS= read -r item; do
  key=$(jq -r '"\(.check_name)|\(.location.path)|\(.location.lines.begin)"' <<<"$item")
  fp=$(printf '%s' "$key" | md5sum | cut -d' ' -f1)
  jq -c --arg fp "$fp" '. + {fingerprint: $fp}' <<<"$item"
done | jq -s '.'
rm -f "${TMPDIR:-/tmp}/mlrepro-cq.$$"

#!/usr/bin/env bash
# The logic of the mlrepro GitHub Action (action.yml runs it; tests run it with GitHub's environment
# variables). Rates the project, writes the Markdown report to the job summary, SARIF for code scanning,
# sets the outputs, and fails below min-stars or when REPRODUCIBILITY.md claims what the evidence denies.
#
# Inputs (environment; action.yml maps its inputs to these):
#   INPUT_PATH            project folder, relative to GITHUB_WORKSPACE (default .)
#   INPUT_MIN_STARS       fail below this many stars, 0-5 (default 0: never)
#   INPUT_VERIFY          true: also run `mlrepro verify` and merge what it saw (default false)
#   INPUT_SARIF           true: write SARIF (default true)
#   INPUT_SARIF_FILE      where (default $RUNNER_TEMP/mlrepro.sarif, else ./mlrepro.sarif)
#   INPUT_FAIL_ON_CLAIMS  true: fail when a ticked box of REPRODUCIBILITY.md is contradicted (default true)
#   MLREPRO               how to run mlrepro, split on spaces (default: mlrepro; e.g. "dotnet /x/mlrepro.dll")
# GitHub's: GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT (each optional, so it runs anywhere).
# Outputs (GITHUB_OUTPUT): stars, sarif-file, report-file.
# Exit: 0 ok · 1 below min-stars, claims contradicted or runs differ · 2 bad input · 3 mlrepro failed.
set -uo pipefail

read -r -a mlrepro <<<"${MLREPRO:-mlrepro}"
project=${INPUT_PATH:-.}
min=${INPUT_MIN_STARS:-0}
verify=${INPUT_VERIFY:-false}
sarif=${INPUT_SARIF:-true}
claims=${INPUT_FAIL_ON_CLAIMS:-true}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
output=${GITHUB_OUTPUT:-/dev/null}
tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mlrepro.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

error() { echo "::error title=mlrepro::$*"; }
is_bool() { case "$1" in true|false) return 0 ;; *) return 1 ;; esac; }

if [ -n "${GITHUB_WORKSPACE:-}" ]; then
  cd "$GITHUB_WORKSPACE" || { error "cannot enter GITHUB_WORKSPACE=$GITHUB_WORKSPACE"; exit 2; }
fi
if ! [[ "$min" =~ ^[0-5]$ ]]; then error "min-stars must be 0-5, not '$min'"; exit 2; fi
for b in "verify=$verify" "sarif=$sarif" "fail-on-claims=$claims"; do
  is_bool "${b#*=}" || { error "${b%%=*} must be true or false, not '${b#*=}'"; exit 2; }
done
if [ ! -d "$project" ]; then error "path '$project' is not a folder"; exit 2; fi
sarif_file=${INPUT_SARIF_FILE:-${RUNNER_TEMP:-.}/mlrepro.sarif}

failed=0
extra=()
if [ "$verify" = true ]; then
  echo "::group::mlrepro verify"
  "${mlrepro[@]}" verify "$project" --out "$tmp/verify.json"
  rc=$?
  echo "::endgroup::"
  case $rc in
    0) extra=(--verification "$tmp/verify.json") ;;
    1) [ -f "$tmp/verify.json" ] && extra=(--verification "$tmp/verify.json")
       error "mlrepro verify: the runs differ or a run failed"; failed=1 ;;
    *) echo "::warning title=mlrepro::verify could not run (exit $rc); the rating is static only" ;;
  esac
fi

# One JSON assessment gives the stars; the Markdown and SARIF renderings are of the same input (byte-stable).
report_file="$tmp/mlrepro.json"
if ! "${mlrepro[@]}" check "$project" -f json -o "$report_file" "${extra[@]}"; then
  error "mlrepro check failed"; exit 3
fi
stars=$(sed -nE 's/^  "stars": ([0-9]+),?$/\1/p' "$report_file" | head -n 1)
if [ -z "$stars" ]; then error "no stars in the JSON report"; exit 3; fi

"${mlrepro[@]}" check "$project" "${extra[@]}" || { error "mlrepro check failed"; exit 3; }
if ! "${mlrepro[@]}" check "$project" -f markdown "${extra[@]}" >>"$summary"; then
  error "mlrepro check -f markdown failed"; exit 3
fi

if [ "$sarif" = true ]; then
  mkdir -p "$(dirname "$sarif_file")"
  "${mlrepro[@]}" check "$project" -f sarif -o "$sarif_file" "${extra[@]}" || { error "mlrepro check -f sarif failed"; exit 3; }
  echo "sarif-file=$sarif_file" >>"$output"
fi

if [ "$claims" = true ] && [ -f "$project/REPRODUCIBILITY.md" ]; then
  "${mlrepro[@]}" report "$project" --check >"$tmp/claims.txt" 2>&1
  rc=$?
  cat "$tmp/claims.txt"
  if [ $rc -eq 1 ]; then
    error "REPRODUCIBILITY.md ticks boxes the evidence does not support"
    { echo; echo "### REPRODUCIBILITY.md claims"; echo; echo '```'; cat "$tmp/claims.txt"; echo '```'; } >>"$summary"
    failed=1
  elif [ $rc -ne 0 ]; then
    error "mlrepro report --check failed (exit $rc)"; exit 3
  fi
fi

# Kept after the run so a later step (or a test) can read it; the temp folder goes.
final_report=${RUNNER_TEMP:-.}/mlrepro.json
cp "$report_file" "$final_report" 2>/dev/null && echo "report-file=$final_report" >>"$output"
echo "stars=$stars" >>"$output"

if [ "$stars" -lt "$min" ]; then
  error "$stars star(s), below the required $min"
  failed=1
fi
echo "mlrepro: $stars of 5 stars (min-stars $min)"
exit $failed

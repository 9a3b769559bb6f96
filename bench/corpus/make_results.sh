#!/bin/sh
# Regenerates RESULTS.md: runs run.py and puts its Markdown report under the hand-written analysis
# kept in results-analysis.md (placeholders DATE_UTC, MLREPRO_COMMIT, MERGE_NOTE, SUMMARY_LINE).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
report=$(mktemp)
/usr/bin/python3 "$here/run.py" --markdown "$report" --raw "${RAW:-/tmp/corpus-raw}" "$@" > /dev/null
overall=$(grep '^Overall:' "$report")
stars=$(grep '^Stars agree' "$report")
judged=$(grep '^Disagreements by reviewer judgment' "$report" | sed 's/ (label = .*//')
defensible=$(grep '^Defensible verdicts' "$report")
commit="source $(git -C "$root" log -1 --format=%h -- src) (last commit touching src/), branch head $(git -C "$root" rev-parse --short HEAD)"
sed -e "s|DATE_UTC|$(date -u '+%Y-%m-%d %H:%M UTC')|" \
    -e "s|MLREPRO_COMMIT|$commit|" \
    -e "s|MERGE_NOTE|${MERGE_NOTE:-main merged as of this commit}|" \
    -e "s|SUMMARY_LINE|$overall $stars $judged. $defensible|" \
    "$here/results-analysis.md" > "$here/RESULTS.md"
printf '\n# Generated tables\n\n' >> "$here/RESULTS.md"
cat "$report" >> "$here/RESULTS.md"
rm -f "$report"

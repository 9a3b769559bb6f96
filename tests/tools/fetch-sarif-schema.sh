#!/usr/bin/env bash
# Fetches the SARIF 2.1.0 JSON schema (a third-party file, not committed) from the npm registry and prints its path.
# Usage: export MLREPRO_SARIF_SCHEMA=$(bash tests/tools/fetch-sarif-schema.sh)
set -euo pipefail
dir="${MLREPRO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mlrepro}/sarif"
schema="$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz)
fi
echo "$schema"

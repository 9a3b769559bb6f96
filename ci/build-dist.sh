#!/usr/bin/env bash
# Builds every distributable form of mlrepro once, checks that each one runs, and (with --time) measures
# start-up with hyperfine. Slow on a small machine (minutes per form): run by hand or in a release job,
# not in every test run. See docs/install.md.
#
#   bash ci/build-dist.sh [--aot] [--time] [--r2r] [--rid linux-x64]
#
# Writes artifacts/ (git-ignored):
#   artifacts/nupkg/mlrepro.<version>.nupkg   the .NET tool package
#   artifacts/tool/mlrepro                    that package installed with `dotnet tool install --tool-path`
#   artifacts/single/<rid>/mlrepro            self-contained single-file binary
#   artifacts/aot/<rid>/mlrepro               Native AOT binary (with --aot; see docs/install.md for why it fails)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

aot=0; time=0; r2r=false; rid=linux-x64
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) aot=1 ;;
    --time) time=1 ;;
    --r2r) r2r=true ;;
    --rid) rid="$2"; shift ;;
    *) echo "usage: $0 [--aot] [--time] [--r2r] [--rid RID]" >&2; exit 2 ;;
  esac
  shift
done

art=artifacts
example=examples/04-three-stars
rm -rf "$art/nupkg" "$art/tool" "$art/single/$rid" "$art/aot/$rid"

echo "== dotnet pack (the .NET tool)"
dotnet pack src/MLRepro.Cli -c Release -o "$art/nupkg"

echo "== dotnet tool install from the local package only (offline)"
bash ci/install-tool.sh "$art/nupkg" "$art/tool"
"$art/tool/mlrepro" --version
"$art/tool/mlrepro" check "$example" --min-stars 3 >/dev/null

echo "== self-contained single-file binary for $rid (ReadyToRun: $r2r)"
dotnet publish src/MLRepro.Cli -c Release -r "$rid" --self-contained -p:PublishSingleFile=true -p:PublishReadyToRun=$r2r -o "$art/single/$rid"
"$art/single/$rid/mlrepro" --version
"$art/single/$rid/mlrepro" check "$example" --min-stars 3 >/dev/null

if [ "$aot" = 1 ]; then
  echo "== Native AOT for $rid (needs clang and zlib1g-dev); warnings are not errors here so every blocker is listed"
  mkdir -p "$art/aot"
  if dotnet publish src/MLRepro.Cli -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=false \
       -o "$art/aot/$rid" >"$art/aot/$rid.log" 2>&1; then
    echo "AOT publish succeeded; smoke test:"
    "$art/aot/$rid/mlrepro" --version || true
    "$art/aot/$rid/mlrepro" check "$example" >/dev/null && echo "AOT check ran" || echo "AOT check FAILED (rc=$?)"
  else
    echo "AOT publish failed; see $art/aot/$rid.log"
  fi
  # The trimming/AOT warnings grouped by the assembly that raises them.
  grep -oE 'warning IL[0-9]+: [^:]+' "$art/aot/$rid.log" | sed -E 's/warning (IL[0-9]+): ([^ (]+).*/\1 \2/' \
    | awk '{split($2, a, "."); print $1, a[1]"."a[2]}' | sort | uniq -c | sort -rn | head -40 || true
fi

ls -l "$art/nupkg" "$art/single/$rid/mlrepro"

if [ "$time" = 1 ]; then
  command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt-get install hyperfine)"; exit 1; }
  dll=src/MLRepro.Cli/bin/Release/net10.0/mlrepro.dll
  forms=("dotnet $dll" "$art/tool/mlrepro" "$art/single/$rid/mlrepro")
  [ -x "$art/aot/$rid/mlrepro" ] && forms+=("$art/aot/$rid/mlrepro")
  for what in "--version" "check $example"; do
    cmds=()
    for f in "${forms[@]}"; do cmds+=("$f $what"); done
    hyperfine -N --warmup 2 --runs 10 --export-markdown "$art/time-${what%% *}.md" "${cmds[@]}" || \
      hyperfine --warmup 2 --runs 10 --export-markdown "$art/time-${what%% *}.md" "${cmds[@]}"
  done
fi

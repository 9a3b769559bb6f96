#!/usr/bin/env bash
# Installs mlrepro for the GitHub Action and prints how to run it as the step output `command`.
#   MLREPRO_VERSION set: `dotnet tool install mlrepro --version $MLREPRO_VERSION` (from NuGet).
#   otherwise: builds the CLI from MLREPRO_SOURCE (the action's own checkout) in Release.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dest=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mlrepro-bin
if [ -n "${MLREPRO_VERSION:-}" ]; then
  dotnet tool install mlrepro --tool-path "$dest" --version "$MLREPRO_VERSION"
  command="$dest/mlrepro"
else
  src=${MLREPRO_SOURCE:-$(cd "$(dirname "$0")/.." && pwd)}
  dotnet build "$src/src/MLRepro.Cli/MLRepro.Cli.csproj" -c Release -o "$dest" --nologo -v quiet
  command="dotnet $dest/mlrepro.dll"
fi
$command --version
echo "command=$command" >> "${GITHUB_OUTPUT:-/dev/null}"

#!/usr/bin/env bash
# Installs the mlrepro .NET tool from a folder of .nupkg files only — no other NuGet source is consulted,
# so it works offline and cannot pick up another package named mlrepro.
#
#   bash ci/install-tool.sh PACKAGE_FOLDER TOOL_PATH
# then run TOOL_PATH/mlrepro.
set -euo pipefail
src=$(cd "$1" && pwd); dest=$2
cfg=$(mktemp -d)/nuget.config
trap 'rm -rf "$(dirname "$cfg")"' EXIT
cat >"$cfg" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$src" />
  </packageSources>
</configuration>
XML
version=$(ls "$src" | sed -nE 's/^mlrepro\.([0-9][^/]*)\.nupkg$/\1/p' | sort -V | tail -1)
[ -n "$version" ] || { echo "no mlrepro.*.nupkg in $src" >&2; exit 2; }
dotnet tool install mlrepro --tool-path "$dest" --configfile "$cfg" --version "$version"

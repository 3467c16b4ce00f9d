#!/usr/bin/env bash
# Starts MediaVault on http://127.0.0.1:8084 with SQLite and files under ./data.
# Any arguments go to the server: ASP.NET Core settings (--urls ...) or a CLI command (tokens create ...).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
ensure_dotnet
ensure_media_tools

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DataPath="${DataPath:-$PWD/data}"
build_log="$(mktemp)"
if ! dotnet build src/MediaVault.Server -c Release -m:1 -nologo -v quiet >"$build_log" 2>&1; then
  cat "$build_log" >&2
  rm -f "$build_log"
  exit 1
fi
rm -f "$build_log"
exec dotnet src/MediaVault.Server/bin/Release/net10.0/MediaVault.Server.dll "$@"

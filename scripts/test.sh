#!/usr/bin/env bash
# The test command: installs the real peers the tests need when they are missing, then runs
# every test project of CallCluster.sln. Exit code is the test run's.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
command -v baresip >/dev/null 2>&1 || need+=(baresip-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install ${need[*]}" >&2; exit 3; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CallCluster.sln -c Release -nologo -clp:ErrorsOnly
# Test projects run one after another (2 cores): each prints its own "Passed!/Failed!" line.
dotnet test CallCluster.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@"

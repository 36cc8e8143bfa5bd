#!/usr/bin/env bash
# The test command: installs the real peers the tests need when they are missing, builds
# CallCluster.sln, then runs every test project under tests/ one after another. Exit code is
# non-zero when any project failed.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
command -v baresip >/dev/null 2>&1 || need+=(baresip-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v iptables >/dev/null 2>&1 || need+=(iptables)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install ${need[*]}" >&2; exit 3; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CallCluster.sln -c Release -nologo -clp:ErrorsOnly
# The node processes the tests start run the ahead-of-time compiled publish, as the image does
# (RepositoryPaths.CallClusterDll takes it when it is at least as new as the build output).
dotnet publish Host/CallCluster.Host.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o Host/bin/Release/ready-to-run -nologo -clp:ErrorsOnly
# Each test project prints its own "Passed!/Failed!" line; the last line sums them up.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# One project at a time: the in-process ones first, then the ones that start real nodes, SIPp,
# baresip and PostgreSQL (on two cores, running those side by side only measures contention).
status=0
heavy=" CallCluster.Host.Tests CallCluster.Interop.Tests CallCluster.Chaos.Tests "
projects=()
for p in tests/*.Tests/*.Tests.csproj; do
  case "$heavy" in *" $(basename "$p" .csproj) "*) ;; *) projects+=("$p") ;; esac
done
for name in $heavy; do projects+=("tests/$name/$name.csproj"); done
for p in "${projects[@]}"; do
  [ -f "$p" ] || { echo "test.sh: missing test project $p" | tee -a "$log"; status=1; continue; }
  dotnet test "$p" -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee -a "$log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=$rc
done
set -e
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { v = $(i+1); gsub(",", "", v)
         if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v }
       n++ }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s
           if (n == 0) { print "test.sh: no test project reported results"; exit 1 } }' "$log" || status=1
exit "$status"

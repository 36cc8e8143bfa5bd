#!/bin/bash
# Media relay and mix comparison, our media node against rtpengine, same generated traffic, one run.
#   relay under test on core 0 (taskset -c 0), load generator on core 1 (taskset -c 1), both at
#   nice -15 (the machine is shared; the same for both relays).
#   ours:      `CallCluster.MediaBench serve` (a MediaNode, TCP control on 127.0.0.1:$OURS_CONTROL,
#              RTP ports $OURS_PORTS, one mixing loop)
#   rtpengine: Debian rtpengine-daemon, userspace only (--table=-1), ng on 127.0.0.1:$RTPE_CONTROL,
#              RTP ports $RTPE_PORTS
# Relay sweep: for each call count in $CALLS, both targets (the order alternates), each run
# measuring its own direct generator-to-generator baseline first; a target stops increasing once
# it loses packets. Mix sweep (ours): $MIXES three-party mixes, stops at the first missed tick.
# Prints every `media-compare` line and a summary; keeps them in $OUT (default a temp folder).
# usage: compare.sh        env: CALLS, MIXES, SECONDS_PER_RUN (10), WARMUP (3), NICE (-15), OUT
set -u
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
calls_list=${CALLS:-100 200 300 500 750 1000}
mixes_list=${MIXES:-100 200 300 400 500 600}
secs=${SECONDS_PER_RUN:-10}; warmup=${WARMUP:-3}; nice_level=${NICE:--15}
ours_control=${OURS_CONTROL:-19990}; rtpe_control=${RTPE_CONTROL:-19991}
ours_ports=${OURS_PORTS:-40000-47999}
rtpe_ports=${RTPE_PORTS:-48000-55999}; rtpe_first=${rtpe_ports%-*}; rtpe_last=${rtpe_ports#*-}
out=${OUT:-$(mktemp -d /tmp/media-compare.XXXXXX)}; mkdir -p "$out"
bench="$root/tests/CallCluster.MediaBench/bin/Release/net10.0/CallCluster.MediaBench"
pids=()

cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v rtpengine >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "rtpengine-daemon is not installed and installing needs root" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rtpengine-daemon >"$out/apt.log" 2>&1 \
    || { echo "apt-get install rtpengine-daemon failed, see $out/apt.log" >&2; exit 2; }
fi
# The package's service may have started on install (systemd hosts): stop it, it would hold ports.
if [ -f /run/rtpengine/rtpengine-daemon.pid ] || pgrep -x rtpengine-daemon >/dev/null; then
  service rtpengine-daemon stop >/dev/null 2>&1 || systemctl stop rtpengine-daemon >/dev/null 2>&1 || true
fi
for port in "$ours_control" "$rtpe_control"; do
  if ss -Htuln "sport = :$port" | grep -q .; then echo "port $port is in use" >&2; exit 2; fi
done

dotnet build "$root/tests/CallCluster.MediaBench/CallCluster.MediaBench.csproj" -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 2; }

nice -n "$nice_level" taskset -c 0 "$bench" serve --control "$ours_control" --ports "$ours_ports" --mixer-loops 1 >"$out/ours.log" 2>&1 &
pids+=($!)
nice -n "$nice_level" taskset -c 0 rtpengine --config-file=none --table=-1 --foreground --log-stderr --log-level=4 \
  --interface=127.0.0.1 --listen-ng="127.0.0.1:$rtpe_control" --port-min="$rtpe_first" --port-max="$rtpe_last" \
  --pidfile="$out/rtpengine.pid" >"$out/rtpengine.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  ss -Htln "sport = :$ours_control" | grep -q . && ss -Huln "sport = :$rtpe_control" | grep -q . && break
  sleep 0.2
done

load() {  # load TARGET ARGS...: one generator run on core 1, prints and keeps its media-compare line
  local target=$1; shift
  local control=$ours_control; [ "$target" = rtpengine ] && control=$rtpe_control
  nice -n "$nice_level" taskset -c 1 "$bench" load --target "$target" --control "$control" \
    --seconds "$secs" --warmup "$warmup" "$@" 2>>"$out/load.err" | tee -a "$out/results.txt"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

{
  echo "media-compare start $(date -u '+%Y-%m-%d %H:%M:%S UTC') cores=$(nproc) load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "media-compare versions rtpengine=$(dpkg-query -W -f='${Version}' rtpengine-daemon 2>/dev/null) dotnet=$(dotnet --version)"
} | tee -a "$out/results.txt"

declare -A stopped=()
i=0
for n in $calls_list; do
  order="ours rtpengine"; [ $((i % 2)) = 1 ] && order="rtpengine ours"; i=$((i + 1))
  for target in $order; do
    [ -n "${stopped[$target]:-}" ] && continue
    line=$(load "$target" --calls "$n")
    loss=$(echo "$line" | field loss_pct)
    if [ -z "$loss" ]; then echo "media-compare error target=$target calls=$n (see $out/load.err)"; stopped[$target]=1; continue; fi
    [ "$loss" != "0.000" ] && stopped[$target]=1
  done
done

for m in $mixes_list; do
  line=$(load ours --mixes "$m")
  missed=$(echo "$line" | field missed_ticks)
  [ "${missed:-1}" != "0" ] && break
done
echo "media-compare end $(date -u '+%Y-%m-%d %H:%M:%S UTC') load_average=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/results.txt"

echo "== summary (results in $out/results.txt)"
for target in ours rtpengine; do
  best=$(grep "relay target=$target " "$out/results.txt" | awk '/loss_pct=0.000 /' | tail -1)
  if [ -z "$best" ]; then echo "relay $target: no call count without loss"; continue; fi
  echo "relay $target: $(echo "$best" | field calls) calls at 0 % loss, added latency p50 $(echo "$best" | field added_p50_us) us, p99 $(echo "$best" | field added_p99_us) us"
done
best=$(grep "mix target=ours " "$out/results.txt" | awk '/missed_ticks=0 /' | tail -1)
echo "mix ours: $(echo "${best:-none}" | field mixes) three-party mixes per core with 0 missed ticks"

#!/bin/bash
# Media relay and mix comparison, our media node against rtpengine, same generated traffic, one run.
#   relay under test on core 0 (taskset -c 0), load generator on core 1 (taskset -c 1), both at
#   nice -20, in their own session whose autogroup is at nice -20 (the machine is shared with
#   builds; the same for both relays). SCHED=fifo runs them
#   at SCHED_FIFO 20 instead: steadier on a busy machine, but an overloaded .NET process at FIFO
#   can starve its own control and signal threads (and the core's other processes): not the default.
#   ours:      `CallCluster.MediaBench serve` (a MediaNode, TCP control on 127.0.0.1:$OURS_CONTROL,
#              RTP ports $OURS_PORTS, one mixing loop)
#   rtpengine: Debian rtpengine-daemon, userspace only (--table=-1), ng on 127.0.0.1:$RTPE_CONTROL,
#              RTP ports $RTPE_PORTS
# Relay sweep: for each call count in $CALLS, both targets (the order alternates), each run
# measuring its own direct generator-to-generator baseline first; a target stops increasing once
# it loses packets. Mix sweep (ours): $MIXES three-party mixes, stops at the first missed tick.
# Prints every `media-compare` line and a summary; keeps them in $OUT (default a temp folder).
# usage: compare.sh        env: CALLS, MIXES, SECONDS_PER_RUN (10), WARMUP (10), MIX_WARMUP (WARMUP), SCHED (nice|fifo), OUT,
#                          OURS_ENV (NAME=VALUE ... for the serve process),
#                          OURS_ARGS (extra serve options, e.g. "--realtime-priority 0"), TARGETS ("ours rtpengine"),
#                          MIX_RECEIVE (drain: the generator drains its sockets every millisecond in mix runs, so the
#                          node's sends do not pay for waking it; block: it waits in the socket as in relay runs)
set -u
# Own session, so its own scheduler autogroup (kernel.sched_autogroup_enabled): nice only ranks
# processes within an autogroup, so the group itself is given nice -20 below.
if [ -z "${MEDIA_COMPARE_SESSION:-}" ] && command -v setsid >/dev/null; then
  MEDIA_COMPARE_SESSION=1 exec setsid -w "$0" "$@"
fi
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
calls_list=${CALLS:-100 200 300 400 500 600 700 800 900 1000 1250}
mixes_list=${MIXES:-100 200 250 300 350 400 500 600}
targets=${TARGETS:-ours rtpengine}
secs=${SECONDS_PER_RUN:-10}; warmup=${WARMUP:-10}; mix_warmup=${MIX_WARMUP:-$warmup}
case ${SCHED:-nice} in
  fifo) prio=(chrt -f 20) ;;
  nice) prio=(nice -n -20); [ -w /proc/$$/autogroup ] && echo -20 >/proc/$$/autogroup 2>/dev/null ;;
  *) echo "SCHED must be fifo or nice" >&2; exit 2 ;;
esac
ours_control=${OURS_CONTROL:-19990}; rtpe_control=${RTPE_CONTROL:-19991}
ours_ports=${OURS_PORTS:-40000-47999}
rtpe_ports=${RTPE_PORTS:-48000-55999}; rtpe_first=${rtpe_ports%-*}; rtpe_last=${rtpe_ports#*-}
out=${OUT:-$(mktemp -d /tmp/media-compare.XXXXXX)}; mkdir -p "$out"
bench="$root/tests/CallCluster.MediaBench/bin/Release/net10.0/CallCluster.MediaBench"
pids=()

cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for _ in $(seq 25); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v rtpengine >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "rtpengine-daemon is not installed and installing needs root" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rtpengine-daemon >"$out/apt.log" 2>&1 \
    || { echo "apt-get install rtpengine-daemon failed, see $out/apt.log" >&2; exit 2; }
fi
# The package's service may have started on install (systemd hosts): stop it, it would hold ports.
if [ -f /run/rtpengine/rtpengine-daemon.pid ] && kill -0 "$(cat /run/rtpengine/rtpengine-daemon.pid)" 2>/dev/null; then
  service rtpengine-daemon stop >/dev/null 2>&1 || systemctl stop rtpengine-daemon >/dev/null 2>&1 || true
fi
for port in "$ours_control" "$rtpe_control"; do
  if ss -Htuln "sport = :$port" | grep -q .; then echo "port $port is in use" >&2; exit 2; fi
done

dotnet build "$root/tests/CallCluster.MediaBench/CallCluster.MediaBench.csproj" -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 2; }
"$bench" selftest >"$out/selftest.log" 2>&1 || { cat "$out/selftest.log" >&2; exit 2; }  # ng/bencode parsing

env ${OURS_ENV:-} "${prio[@]}" taskset -c 0 "$bench" serve --control "$ours_control" --ports "$ours_ports" --mixer-loops 1 ${OURS_ARGS:-} >"$out/ours.log" 2>&1 &
pids+=($!)
"${prio[@]}" taskset -c 0 rtpengine --config-file=none --table=-1 --foreground --log-stderr --log-level=4 \
  --interface=127.0.0.1 --listen-ng="127.0.0.1:$rtpe_control" --port-min="$rtpe_first" --port-max="$rtpe_last" \
  --delete-delay=0 --pidfile="$out/rtpengine.pid" >"$out/rtpengine.log" 2>&1 &
pids+=($!)
ours_pid=${pids[0]}; rtpe_pid=${pids[1]}
for _ in $(seq 50); do
  ss -Htln "sport = :$ours_control" | grep -q . && ss -Huln "sport = :$rtpe_control" | grep -q . && break
  sleep 0.2
done
# Under SCHED_FIFO a woken thread does not preempt a busy one of the same priority: the mixing
# loop gets one step more, as its precise clock needs (the node asks for AboveNormal, which Linux
# ignores for normal threads).
if [ "${SCHED:-nice}" = fifo ]; then
  for comm in /proc/"$ours_pid"/task/*/comm; do
    if [ "$(cat "$comm" 2>/dev/null)" = media-mixer-0 ]; then
      tid=$(basename "$(dirname "$comm")"); chrt -f -p 21 "$tid"
    fi
  done
fi

load() {  # load TARGET ARGS...: one generator run on core 1, prints and keeps its media-compare line
  local target=$1; shift
  local control=$ours_control pid=$ours_pid
  [ "$target" = rtpengine ] && control=$rtpe_control pid=$rtpe_pid
  "${prio[@]}" taskset -c 1 "$bench" load --target "$target" --control "$control" --relay-pid "$pid" \
    --seconds "$secs" --warmup "${load_warmup:-$warmup}" "$@" 2>>"$out/load.err" | tee -a "$out/results.txt" >&2
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

{
  echo "media-compare start $(date -u '+%Y-%m-%d %H:%M:%S UTC') cores=$(nproc) sched=${SCHED:-nice} autogroup=\"$(cat /proc/$$/autogroup 2>/dev/null)\" load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "media-compare ours_env=\"${OURS_ENV:-}\""
  echo "media-compare versions rtpengine=$(dpkg-query -W -f='${Version}' rtpengine-daemon 2>/dev/null) dotnet=$(dotnet --version)"
} | tee -a "$out/results.txt"

declare -A stopped=()
i=0
for n in $calls_list; do
  order="ours rtpengine"; [ $((i % 2)) = 1 ] && order="rtpengine ours"; i=$((i + 1))
  for target in $order; do
    case " $targets " in *" $target "*) ;; *) continue ;; esac
    [ -n "${stopped[$target]:-}" ] && continue
    line=$(load "$target" --calls "$n" 2>&1)
    echo "$line"
    loss=$(echo "$line" | field loss_pct)
    if [ -z "$loss" ]; then echo "media-compare error target=$target calls=$n (see $out/load.err)"; stopped[$target]=1; continue; fi
    added=$(echo "$line" | field added_p50_us)
    # Stop at loss, or when the relay no longer keeps up (median already a packet interval late):
    # per-call socket buffers hide overload as queueing for many seconds before packets drop.
    if [ "$loss" != "0.000" ] || [ "${added:-0}" -gt 20000 ]; then stopped[$target]=1; fi
  done
done

for m in $mixes_list; do
  line=$(load_warmup=$mix_warmup load ours --mixes "$m" --mix-receive "${MIX_RECEIVE:-drain}" 2>&1)
  echo "$line"
  missed=$(echo "$line" | field missed_ticks)
  [ "${missed:-1}" != "0" ] && break
done
echo "media-compare end $(date -u '+%Y-%m-%d %H:%M:%S UTC') load_average=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/results.txt"

echo "== summary (results in $out/results.txt)"
for target in ours rtpengine; do
  best=$(grep "relay target=$target " "$out/results.txt" | awk '/ loss_pct=0.000 /' | tail -1)
  if [ -z "$best" ]; then echo "relay $target: no call count without loss"; continue; fi
  echo "relay $target: $(echo "$best" | field calls) calls at 0 % loss (added latency p50 $(echo "$best" | field added_p50_us) us, p99 $(echo "$best" | field added_p99_us) us)"
  kept=$(grep "relay target=$target " "$out/results.txt" | awk '/ loss_pct=0.000 / { for (i = 1; i <= NF; i++) if ($i ~ /^added_p99_us=/) { split($i, v, "="); if (v[2] <= 20000) print } }' | tail -1)
  [ -n "$kept" ] && echo "relay $target: $(echo "$kept" | field calls) calls at 0 % loss and added p99 <= 20 ms (p50 $(echo "$kept" | field added_p50_us) us, p99 $(echo "$kept" | field added_p99_us) us)"
done
best=$(grep "mix target=ours " "$out/results.txt" | awk '/ missed_ticks=0 /' | tail -1)
if [ -n "$best" ]; then
  echo "mix ours: $(echo "$best" | field mixes) three-party mixes per core with 0 missed ticks"
else
  echo "mix ours: no mix count without missed ticks"
fi

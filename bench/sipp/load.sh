#!/bin/bash
# Trunk-transit load at one fixed rate, through callcluster and then through Kamailio, in one run.
#   SIPp uac (127.0.0.3, uac-dialog.xml: ACK/BYE follow Contact and Record-Route)
#     -> system under test -> SIPp built-in uas (127.0.0.2 for callcluster, 127.0.0.1 for Kamailio)
# callcluster: `callcluster run` with all roles, a fresh SQLite journal (every session persisted),
# trunk carrier-a (+44 -> uas) and carrier-b (trusted source of the uac). Kamailio: the stateful
# proxy with the dialog module of /work/shared/bench/kamailio-proxy.cfg (ports rewritten).
# Prints one line per system: created, ok, failed, and p50/p99 of INVITE->200 (SIPp rtd, ms).
# usage: load.sh RATE SECONDS          e.g. load.sh 500 20
# env:   CALLCLUSTER_DLL (default Host/bin/Release, else Debug), KAMAILIO_CFG, BASE_PORT (default 26000),
#        KEEP=1 (keep the SIPp logs), SYSTEMS ("callcluster kamailio"), WARMUP_CALLS (200 unmeasured calls first; 0 for none),
#        WARMUP_RATE (calls per second of the warm-up, default 20),
#        SIPP_BUFFER (SIPp's socket buffers, -buff_size, default 4194304),
#        TRUNK_MEDIA (anchor: RTP anchored on the node's media role, the default; bypass: SDP relayed as Kamailio does)
# Each line also gives the CPU the system under test used during the measured run per answered call
# (user + system time of its processes from /proc, clock ticks at 100 Hz).
set -u
rate=${1:?usage: load.sh RATE SECONDS}; secs=${2:?usage: load.sh RATE SECONDS}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
dll=${CALLCLUSTER_DLL:-}
if [ -z "$dll" ]; then
  dll="$root/Host/bin/Release/net10.0/callcluster.dll"; [ -f "$dll" ] || dll="$root/Host/bin/Debug/net10.0/callcluster.dll"
fi
kcfg=${KAMAILIO_CFG:-/work/shared/bench/kamailio-proxy.cfg}
base=${BASE_PORT:-26000}; systems=${SYSTEMS:-callcluster kamailio}; warmup=${WARMUP_CALLS:-200}; warmup_rate=${WARMUP_RATE:-20}
trunk_media=${TRUNK_MEDIA:-anchor}
# SIPp's sockets get 4 MiB buffers (its default, 64 KiB, drops datagrams at a few hundred calls/s on
# a busy machine; the same for both systems)
sipp_buffer=${SIPP_BUFFER:-4194304}
command -v sipp >/dev/null || { echo "sipp is not installed (Debian sip-tester)" >&2; exit 2; }
dir=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; if [ -n "${KEEP:-}" ]; then echo "kept $dir" >&2; else rm -rf "$dir"; fi; }
trap cleanup EXIT

# cpu_ticks PID: user + system clock ticks of PID and its direct children.
cpu_ticks() {
  local total=0 p t
  for p in "$1" $(pgrep -P "$1" 2>/dev/null); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && total=$((total + t))
  done
  echo "$total"
}

# run_load LABEL TARGET UAS_IP UAS_PORT SUT_PID: one SIPp pair at $rate for $secs seconds, prints one line.
run_load() {
  local label=$1 target=$2 uas_ip=$3 uas_port=$4 sut=$5 out="$dir/$1"
  mkdir -p "$out"
  (cd "$out" && exec sipp -sn uas -i "$uas_ip" -p "$uas_port" -buff_size "$sipp_buffer" -nostdin >uas.out 2>&1) & local uas=$!
  pids+=("$uas"); sleep 0.5
  if [ "$warmup" -gt 0 ]; then  # not measured: lets the JIT and connection pools warm up
    (mkdir -p "$out/warmup" && cd "$out/warmup" && timeout $((warmup / warmup_rate + 60)) sipp -sf "$here/uac-dialog.xml" "$target" -s +441234 -i 127.0.0.3 \
      -p $((base + 3)) -buff_size "$sipp_buffer" -r "$warmup_rate" -m "$warmup" -d 100 -nostdin -timeout $((warmup / warmup_rate + 50)) >/dev/null 2>&1)
  fi
  local cpu0; cpu0=$(cpu_ticks "$sut")
  (cd "$out" && timeout $((secs + 60)) sipp -sf "$here/uac-dialog.xml" "$target" -s +441234 -i 127.0.0.3 -p $((base + 3)) \
    -buff_size "$sipp_buffer" -r "$rate" -m $((rate * secs)) -l $((rate * 3)) -d 500 -nostdin -timeout $((secs + 40)) -timeout_error \
    -trace_stat -fd 1 -trace_rtt -rtt_freq 100 >uac.out 2>&1)
  local rc=$? cpu1; cpu1=$(cpu_ticks "$sut")
  kill "$uas" 2>/dev/null; wait "$uas" 2>/dev/null
  local stat rtt
  stat=$(ls "$out"/uac-dialog_*_.csv 2>/dev/null | head -1); rtt=$(ls "$out"/uac-dialog_*_rtt.csv 2>/dev/null | head -1)
  if [ -z "$stat" ]; then echo "system=$label rate=$rate no statistics (sipp rc=$rc)"; return; fi
  local counts pct
  counts=$(tail -1 "$stat" | awk -F';' '{print "created=" $13, "ok=" $16, "failed=" $18, "retrans=" $58}')
  pct="p50_ms=n/a p99_ms=n/a"
  if [ -n "$rtt" ]; then
    pct=$(awk -F';' 'NR>1 && $2 != "" {print $2}' "$rtt" | sort -g | awk '{v[NR]=$1} END {
      if (NR == 0) { print "p50_ms=n/a p99_ms=n/a"; exit }
      i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1;
      printf "p50_ms=%.2f p99_ms=%.2f samples=%d\n", v[i50], v[i99], NR }')
  fi
  local ok cpu
  ok=$(tail -1 "$stat" | awk -F';' '{print $16}')
  cpu=$(awk -v t=$((cpu1 - cpu0)) -v n="${ok:-0}" 'BEGIN { if (n > 0) printf "%.2f", t * 10 / n; else print "n/a" }')
  echo "system=$label rate=$rate seconds=$secs $counts $pct cpu_ms_per_call=$cpu sipp_rc=$rc"
}

for system in $systems; do
  case $system in
  callcluster)
    [ -f "$dll" ] || { echo "system=callcluster missing $dll (build Host first)"; continue; }
    sip=$base; http=$((base + 10)); uas_port=$((base + 2))
    cat >"$dir/provision.json" <<JSON
{ "domain": "bench.callcluster.local",
  "subscribers": [ { "user": "bob", "password": "bob-secret", "kind": "other" } ],
  "households": [],
  "trunks": [
    { "name": "carrier-a", "address": "127.0.0.2:$uas_port", "trustedSources": ["127.0.0.2"], "prefixes": ["+44"], "media": "$trunk_media" },
    { "name": "carrier-b", "address": "127.0.0.3:$((base + 3))", "trustedSources": ["127.0.0.3"], "prefixes": ["+33"], "media": "$trunk_media" } ] }
JSON
    dotnet "$dll" run --Http:Listen=http://127.0.0.1:$http --Cluster:Port=$((base + 11)) --Sip:Listen:0=udp:127.0.0.1:$sip \
      "--Persistence:ConnectionString=Data Source=$dir/cc.db" --Provisioning:File="$dir/provision.json" \
      --Logging:LogLevel:Default=Error >"$dir/callcluster.log" 2>&1 &
    node=$!; pids+=("$node")
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$http/readyz" >/dev/null && break; sleep 0.5; done
    curl -sf "http://127.0.0.1:$http/readyz" >/dev/null || { echo "system=callcluster not ready: $(tail -3 "$dir/callcluster.log")"; continue; }
    run_load callcluster "127.0.0.1:$sip" 127.0.0.2 "$uas_port" "$node"
    kill "$node" 2>/dev/null; wait "$node" 2>/dev/null ;;
  kamailio)
    command -v kamailio >/dev/null || { echo "system=kamailio not installed (apt-get install -y kamailio)"; continue; }
    kport=$((base + 20)); kuas=$((base + 22))
    sed -e "s/udp:127.0.0.1:5060/udp:127.0.0.1:$kport/" -e "s/127.0.0.1:5070/127.0.0.1:$kuas/g" \
      "$kcfg" >"$dir/kamailio.cfg"
    kamailio -f "$dir/kamailio.cfg" -DD -E -m 512 -M 64 -Y "$dir" >"$dir/kamailio.log" 2>&1 &
    kam=$!; pids+=("$kam"); sleep 2
    kill -0 "$kam" 2>/dev/null || { echo "system=kamailio did not start: $(tail -3 "$dir/kamailio.log")"; continue; }
    run_load kamailio "127.0.0.1:$kport" 127.0.0.1 "$kuas" "$kam"
    kill "$kam" 2>/dev/null; wait "$kam" 2>/dev/null ;;
  esac
done

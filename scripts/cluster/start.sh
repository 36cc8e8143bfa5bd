#!/usr/bin/env bash
# Starts a PostgreSQL 15 journal on a loopback port and N callcluster nodes sharing it.
# Usage: scripts/cluster/start.sh N      (see scripts/cluster/README.md for the variables)
set -euo pipefail
source "$(dirname "$0")/common.sh"

N="${1:-3}"
if ! [[ "$N" =~ ^[1-9][0-9]?$ ]]; then echo "usage: $0 N   (1-99 nodes)" >&2; exit 2; fi
ROLES="${CLUSTER_ROLES:-gateway,session,media}"
PG_PORT="${CLUSTER_PG_PORT:-$(first_free_tcp 55440)}"
AKKA_BASE="${CLUSTER_AKKA_BASE_PORT:-4053}"
HTTP_BASE="${CLUSTER_HTTP_BASE_PORT:-8081}"
RTP_BASE="${CLUSTER_RTP_BASE_PORT:-20000}"
RTP_SPAN="${CLUSTER_RTP_SPAN:-1000}"
SIP_BASE="${CLUSTER_SIP_BASE_PORT:-5060}"
SIP_SHARED="${CLUSTER_SIP_SHARED:-0}"
READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-120}"
DLL="${CALLCLUSTER_DLL:-$REPO/Host/bin/Release/net10.0/callcluster.dll}"

if [ ! -f "$DLL" ]; then
  echo "start.sh: $DLL not found; run: dotnet build Host/CallCluster.Host.csproj -c Release" >&2; exit 3
fi
if [ -e "$RUN_DIR/pids" ] && ls "$RUN_DIR"/pids/*.pid >/dev/null 2>&1; then
  echo "start.sh: $RUN_DIR already holds a running cluster; run scripts/cluster/stop.sh first" >&2; exit 4
fi
for i in $(seq 1 "$N"); do
  for p in $((AKKA_BASE + i - 1)) $((HTTP_BASE + i - 1)); do
    tcp_free "$p" || { echo "start.sh: port $p is in use (set CLUSTER_AKKA_BASE_PORT / CLUSTER_HTTP_BASE_PORT)" >&2; exit 5; }
  done
done
tcp_free "$PG_PORT" || { echo "start.sh: PostgreSQL port $PG_PORT is in use (set CLUSTER_PG_PORT)" >&2; exit 5; }
BIN="$(pg_bin)"
mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
chmod 755 "$RUN_DIR"

# Roles of node i: CLUSTER_ROLES is a ';'-separated list, one entry per node; the last entry
# repeats for the remaining nodes ("gateway;session,media" = node 1 gateway, others session,media).
roles_of() {
  local i="$1" entries
  IFS=';' read -r -a entries <<< "$ROLES"
  if [ "$i" -le "${#entries[@]}" ]; then echo "${entries[$((i - 1))]}"; else echo "${entries[-1]}"; fi
}

# --- PostgreSQL -------------------------------------------------------------------------
PGDIR="$RUN_DIR/pg"
mkdir -p "$PGDIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; fi
as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-sync --no-instructions >"$RUN_DIR/logs/initdb.log" 2>&1
as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
echo "$BIN" > "$RUN_DIR/pg.bin"
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres callcluster
CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=callcluster;Timeout=5;Command Timeout=10"
echo "postgres: 127.0.0.1:$PG_PORT (data $PGDIR/data, log $PGDIR/server.log)"

# --- nodes ------------------------------------------------------------------------------
SEEDS=""
for i in $(seq 1 "$(( N < 3 ? N : 3 ))"); do
  SEEDS="${SEEDS:+$SEEDS,}akka.tcp://callcluster@127.0.0.1:$((AKKA_BASE + i - 1))"
done

wait_ready() {
  local i="$1" url="http://127.0.0.1:$((HTTP_BASE + $1 - 1))/readyz" t=0
  while [ "$t" -lt "$READY_TIMEOUT" ]; do
    if curl -fsS -m 2 "$url" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$RUN_DIR/pids/node-$i.pid")" 2>/dev/null; then
      echo "start.sh: node $i exited; see $RUN_DIR/logs/node-$i.log" >&2; return 1
    fi
    sleep 1; t=$((t + 1))
  done
  echo "start.sh: node $i not ready after ${READY_TIMEOUT}s ($url); see $RUN_DIR/logs/node-$i.log" >&2
  return 1
}

start_node() {
  local i="$1" roles rtp_lo sip_port sip_args
  roles="$(roles_of "$i")"
  rtp_lo=$((RTP_BASE + (i - 1) * RTP_SPAN))
  # Gateway nodes: their own SIP port each, or with CLUSTER_SIP_SHARED=1 all the same port with
  # SO_REUSEPORT (needs a Host that maps Sip:ReusePort to SipTransportOptions.ReusePort).
  if [ "$SIP_SHARED" = "1" ]; then
    sip_port="$SIP_BASE"
    sip_args=(--Sip:Listen="udp:127.0.0.1:$sip_port,tcp:127.0.0.1:$sip_port" --Sip:ReusePort=true --Sip:AdvertisedAddress="127.0.0.1:$sip_port")
  else
    sip_port=$((SIP_BASE + i - 1))
    sip_args=(--Sip:Listen="udp:127.0.0.1:$sip_port,tcp:127.0.0.1:$sip_port")
  fi
  (
    cd "$RUN_DIR"
    exec dotnet "$DLL" run \
      --Node:Roles="$roles" \
      --Cluster:Hostname=127.0.0.1 \
      --Cluster:Port=$((AKKA_BASE + i - 1)) \
      --Cluster:Seeds="$SEEDS" \
      --Http:Listen="http://127.0.0.1:$((HTTP_BASE + i - 1))" \
      --Media:RtpPortRange="$rtp_lo-$((rtp_lo + RTP_SPAN - 1))" \
      "${sip_args[@]}" \
      --Persistence:Provider=postgres \
      --Persistence:ConnectionString="$CONN"
  ) >"$RUN_DIR/logs/node-$i.log" 2>&1 &
  echo $! > "$RUN_DIR/pids/node-$i.pid"
  echo "node $i: pid $! roles $roles cluster 127.0.0.1:$((AKKA_BASE + i - 1)) http http://127.0.0.1:$((HTTP_BASE + i - 1)) rtp $rtp_lo-$((rtp_lo + RTP_SPAN - 1))$([[ ",$roles," == *,gateway,* ]] && echo " sip 127.0.0.1:$sip_port")"
}

# Node 1 first: it creates the journal tables alone (concurrent creation races), then the rest.
start_node 1
wait_ready 1
for i in $(seq 2 "$N"); do start_node "$i"; done
for i in $(seq 2 "$N"); do wait_ready "$i"; done
echo "$N" > "$RUN_DIR/nodes"
echo "cluster of $N ready; run folder $RUN_DIR; stop with scripts/cluster/stop.sh"

#!/usr/bin/env bash
# Stops every node start.sh started (by pid: SIGTERM, then SIGKILL after CLUSTER_STOP_TIMEOUT s)
# and the PostgreSQL server. Usage: scripts/cluster/stop.sh [--keep]  (--keep leaves the run folder)
set -uo pipefail
source "$(dirname "$0")/common.sh"
TIMEOUT="${CLUSTER_STOP_TIMEOUT:-40}"

pids=()
for f in "$RUN_DIR"/pids/*.pid; do
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null && pids+=("$pid"); fi
done
for _ in $(seq 1 "$TIMEOUT"); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" -eq 0 ] && break
  sleep 1
done
for pid in "${pids[@]}"; do
  if kill -0 "$pid" 2>/dev/null; then echo "stop.sh: pid $pid still running after ${TIMEOUT}s: SIGKILL"; kill -KILL "$pid"; fi
done
rm -f "$RUN_DIR"/pids/*.pid
echo "stop.sh: stopped ${#pids[@]} node(s)"

if [ -f "$RUN_DIR/pg/data/postmaster.pid" ]; then
  BIN="$(cat "$RUN_DIR/pg.bin" 2>/dev/null || pg_bin)"
  if ! as_pg "$BIN/pg_ctl" -D "$RUN_DIR/pg/data" -m fast -w -t 30 stop >/dev/null; then
    pg_pid="$(head -1 "$RUN_DIR/pg/data/postmaster.pid")"
    echo "stop.sh: pg_ctl stop failed: SIGKILL postmaster $pg_pid"; kill -KILL "$pg_pid" 2>/dev/null
  fi
  echo "stop.sh: PostgreSQL stopped"
fi
if [ "${1:-}" != "--keep" ]; then rm -rf "$RUN_DIR"; else echo "stop.sh: run folder kept: $RUN_DIR"; fi

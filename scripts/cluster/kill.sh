#!/usr/bin/env bash
# kill -9 of one node started by start.sh (a crash: no leave, no hand-off). Usage: kill.sh I
set -euo pipefail
source "$(dirname "$0")/common.sh"
f="$RUN_DIR/pids/node-${1:?usage: $0 NODE_NUMBER}.pid"
[ -f "$f" ] || { echo "kill.sh: no $f" >&2; exit 2; }
pid="$(cat "$f")"
kill -KILL "$pid"
rm -f "$f"
echo "kill.sh: node $1 (pid $pid) killed at $(date -u +%H:%M:%S.%3N)"

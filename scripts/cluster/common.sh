# Shared by start.sh, stop.sh and kill.sh (sourced, not run).
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${CLUSTER_RUN_DIR:-${TMPDIR:-/tmp}/callcluster-cluster}"

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  echo "cluster: PostgreSQL is not installed (no initdb; apt-get install postgresql)" >&2
  return 1
}

# Runs a PostgreSQL program; as root it runs as the postgres system user (PostgreSQL refuses root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# True when nothing accepts TCP connections on 127.0.0.1:$1.
tcp_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first free TCP port from $1 upward.
first_free_tcp() {
  local p="$1"
  while ! tcp_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

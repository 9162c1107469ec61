#!/usr/bin/env bash
# Throwaway PostgreSQL cluster on loopback, for tests.
#
#   eval "$(scripts/pg-throwaway.sh start)"      # prints export lines on stdout, progress on stderr
#   npm test                                      # tests read TEST_DATABASE_URL
#   scripts/pg-throwaway.sh stop "$PAMONG_PG_DIR" # stops the server and removes the directory
#
# start [DBNAME]  initdb into a fresh mktemp directory, listen on 127.0.0.1 only on a random free port,
#                 trust authentication (loopback and the cluster's own socket directory only),
#                 create DBNAME (default pamong_test) and print:
#                   export PAMONG_PG_DIR=...  export PAMONG_PG_PORT=...  export TEST_DATABASE_URL=...
# stop DIR        pg_ctl stop (fast) and rm -rf DIR; only touches directories made by `start`.
#
# PostgreSQL refuses to run as root: when run as root the cluster is owned by the `postgres` system user
# (created by Debian's postgresql package; created here if missing). The binaries are looked up in
# $PG_BINDIR, then the newest /usr/lib/postgresql/*/bin, then initdb on PATH.
# Settings favour speed over durability (fsync off): never use this for data you want to keep.
set -euo pipefail

MARKER=.pamong-pg-throwaway
PG_OS_USER=${PG_OS_USER:-postgres}

log() { printf 'pg-throwaway: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    printf '%s\n' "$PG_BINDIR"
    return
  fi
  local candidates
  candidates=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r || true)
  local d
  for d in $candidates; do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
      printf '%s\n' "$d"
      return
    fi
  done
  local initdb
  initdb=$(command -v initdb 2>/dev/null || true)
  if [[ -n "$initdb" ]]; then
    initdb=$(readlink -f "$initdb")
    printf '%s\n' "$(dirname "$initdb")"
    return
  fi
  die "no PostgreSQL server binaries found (install Debian's 'postgresql' package, or set PG_BINDIR)"
}

# Run a command as the cluster owner (the current user unless we are root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u "$PG_OS_USER" -- "$@"
    else
      su -s /bin/sh "$PG_OS_USER" -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

free_port() {
  # Ask the kernel for a free port on loopback; node is always present in this project.
  if command -v node >/dev/null 2>&1; then
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1]);s.close()"
  else
    echo $((20000 + RANDOM % 30000))
  fi
}

cmd_start() {
  local dbname=${1:-pamong_test}
  [[ "$dbname" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad database name: $dbname"
  # dir and bindir are global on purpose: the EXIT trap below reads them.
  bindir=$(find_bindir)

  if [[ $(id -u) -eq 0 ]] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating system user $PG_OS_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
  fi

  local parent=${TMPDIR:-/tmp}
  # As root the cluster owner must be able to reach the directory: /tmp always allows that.
  [[ $(id -u) -eq 0 ]] && parent=/tmp
  dir=$(mktemp -d "$parent/pamong-pg.XXXXXX")
  touch "$dir/$MARKER"
  mkdir "$dir/data" "$dir/run"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R "$PG_OS_USER": "$dir"
  fi
  chmod 700 "$dir"
  chmod 700 "$dir/data"

  # From here on, any failure removes what we made.
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then log "start failed; cleaning up $dir"; [[ -f "$dir/server.log" ]] && tail -n 30 "$dir/server.log" >&2; as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi' EXIT

  log "initdb ($bindir) in $dir"
  as_owner "$bindir/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --no-locale \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  cat >"$dir/data/pg_hba.conf" <<'EOF'
# Throwaway test cluster: trust, but only over its private socket directory and IPv4 loopback.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
EOF

  local attempt port=""
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    cat >"$dir/data/postgresql.auto.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/run'
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_min_error_statement = panic
EOF
    if [[ $(id -u) -eq 0 ]]; then chown "$PG_OS_USER": "$dir/data/postgresql.auto.conf" "$dir/data/pg_hba.conf"; fi
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
      break
    fi
    log "start on port $port failed (attempt $attempt)"
    tail -n 5 "$dir/server.log" >&2 || true
    port=""
  done
  [[ -n "$port" ]] || die "could not start PostgreSQL"

  local createdb="$bindir/createdb"
  [[ -x "$createdb" ]] || createdb=$(command -v createdb) || die "createdb not found"
  "$createdb" -h 127.0.0.1 -p "$port" -U postgres "$dbname"

  trap - EXIT
  local version
  version=$("$bindir/postgres" --version 2>/dev/null || echo postgres)
  log "$version running on 127.0.0.1:$port, database $dbname (stop with: $0 stop $dir)"
  printf 'export PAMONG_PG_DIR=%q\n' "$dir"
  printf 'export PAMONG_PG_PORT=%q\n' "$port"
  printf 'export TEST_DATABASE_URL=%q\n' "postgres://postgres@127.0.0.1:$port/$dbname"
}

cmd_stop() {
  local dir=${1:-${PAMONG_PG_DIR:-}}
  [[ -n "$dir" ]] || die "usage: $0 stop DIR"
  if [[ ! -d "$dir" ]]; then
    log "$dir does not exist; nothing to stop"
    return 0
  fi
  [[ -f "$dir/$MARKER" ]] || die "$dir was not made by $0 start; refusing to touch it"
  local bindir
  bindir=$(find_bindir)
  # Stop as whoever owns the cluster, whatever PG_OS_USER says now.
  if [[ -d "$dir/data" ]]; then PG_OS_USER=$(stat -c %U "$dir/data"); fi
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || log "pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *)
    echo "usage: $0 start [DBNAME] | stop DIR" >&2
    exit 2
    ;;
esac

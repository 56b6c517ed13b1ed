# shellcheck shell=bash
# Shared by run.sh, crash-check.sh and db-outage-check.sh. Source it; do not run it.
# Starts and stops the application exactly as a user would (java -jar) and talks to its database.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="${JAVA:-$JAVA_HOME/bin/java}"
JAR="${JAR:-$ROOT/target/safepassage-0.1.0-SNAPSHOT.jar}"
APP_PORT="${APP_PORT:-18080}"
DB_PORT="${DB_PORT:-15432}"
PETITION_ID="${PETITION_ID:-1}"
BASE_URL="http://localhost:$APP_PORT"
APP_START_TIMEOUT="${APP_START_TIMEOUT:-180}"
export PETITION_ID

APP_PID=""
APP_LOG=""
APP_DATA_DIR=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# DB_URL (optional) is a libpq URI of an external PostgreSQL, e.g.
# postgresql://user:secret@db.example:5432/safepassage. Without it the app's embedded PostgreSQL is used.
pg_conn() {
  if [[ -n "${DB_URL:-}" ]]; then
    printf '%s' "$DB_URL"
  else
    printf 'postgresql://postgres@localhost:%s/postgres' "$DB_PORT"
  fi
}

# One query, unaligned tuples-only output.
dbq() { psql "$(pg_conn)" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v pgbench >/dev/null || missing+=(postgresql-client)
  command -v python3 >/dev/null || missing+=(python3)
  command -v curl >/dev/null || missing+=(curl)
  command -v ss >/dev/null || missing+=(iproute2)
  if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; then
      $sudo apt-get update -q >/dev/null
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
    fi
  fi
  [[ -x "$JAVA" ]] || die "no java at $JAVA (set JAVA_HOME to a JDK 21+)"
}

ensure_jar() {
  if [[ "${BUILD:-0}" == "1" || ! -f "$JAR" ]]; then
    log "building $JAR"
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || die "build failed"
  fi
  [[ -f "$JAR" ]] || die "no jar at $JAR"
}

port_in_use() { ss -ltnH "sport = :$1" | grep -q .; }

# app_start DATA_DIR LOG_FILE [restart]: starts the app in the background and waits until
# /actuator/health is UP. With "restart" the embedded PostgreSQL of a killed JVM may still hold DB_PORT
# (the app stops it itself on start-up).
app_start() {
  APP_DATA_DIR="$1"
  APP_LOG="$2"
  port_in_use "$APP_PORT" && die "port $APP_PORT is already in use"
  if [[ -z "${DB_URL:-}" && "${3:-}" != "restart" ]] && port_in_use "$DB_PORT"; then
    die "port $DB_PORT is already in use (another embedded PostgreSQL?)"
  fi
  mkdir -p "$APP_DATA_DIR"
  local -a env_db=()
  if [[ -n "${DB_URL:-}" ]]; then
    local jdbc
    jdbc=$(python3 "$BENCH_DIR/py/dburl.py" "$DB_URL") || die "cannot parse DB_URL"
    # prints three lines: jdbc url, user, password
    mapfile -t jdbc_parts <<<"$jdbc"
    env_db=(SPRING_DATASOURCE_URL="${jdbc_parts[0]}" SPRING_DATASOURCE_USERNAME="${jdbc_parts[1]:-}"
      SPRING_DATASOURCE_PASSWORD="${jdbc_parts[2]:-}")
  fi
  log "starting app: $JAVA ${JAVA_OPTS:-} -jar $JAR (data $APP_DATA_DIR, log $APP_LOG)"
  # shellcheck disable=SC2086
  env PORT="$APP_PORT" SAFEPASSAGE_DATA_DIR="$APP_DATA_DIR" SAFEPASSAGE_EMBEDDED_DB_PORT="$DB_PORT" \
    SAFEPASSAGE_BASE_URL="$BASE_URL" "${env_db[@]}" \
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" >>"$APP_LOG" 2>&1 &
  APP_PID=$!
  local waited=0
  until curl -fsS -m 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$APP_LOG" >&2
      APP_PID=""
      die "the app exited during start-up (log: $APP_LOG)"
    fi
    ((waited >= APP_START_TIMEOUT)) && die "the app was not UP after ${APP_START_TIMEOUT}s (log: $APP_LOG)"
    sleep 1
    waited=$((waited + 1))
  done
  log "app UP after ~${waited}s (pid $APP_PID)"
}

# SIGTERM, then wait for the graceful shutdown (which also stops the embedded PostgreSQL).
app_stop() {
  [[ -z "$APP_PID" ]] && return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 90); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "app did not stop within 90s; SIGKILL"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  stop_orphan_postgres "$APP_DATA_DIR"
}

# The embedded PostgreSQL's postmaster pid, from its data directory (empty when not running).
postmaster_pid() {
  local dir="$1" pid
  [[ -n "$dir" && -f "$dir/postmaster.pid" ]] || return 0
  pid=$(head -1 "$dir/postmaster.pid" 2>/dev/null | tr -dc 0-9)
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/comm" 2>/dev/null && echo "$pid"
  return 0
}

# After a SIGKILL of the JVM its PostgreSQL keeps running: fast-shutdown it (SIGINT) by pid.
stop_orphan_postgres() {
  local dir="$1" pid
  [[ -n "${DB_URL:-}" ]] && return 0
  pid=$(postmaster_pid "$dir")
  [[ -z "$pid" ]] && return 0
  log "stopping PostgreSQL left running (pid $pid)"
  kill -CONT "$pid" 2>/dev/null || true
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  log "PostgreSQL pid $pid still running"
}

machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(uname -srm)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "free -g:"
  free -g | sed 's/^/    /'
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "psql: $(psql --version)"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src has uncommitted changes)')$([[ "$JAR" == "$ROOT/target/"* ]] || echo " (the jar was not built from this tree)")"
  echo "jar: $JAR ($(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null))"
}

#!/usr/bin/env bash
# Run the docker-compose.yml services natively, for machines without a docker engine (CI): the
# same commands with the same AEROSCRAP_* settings. Compose's network is replaced by loopback
# (postgres, scrapyd and 0.0.0.0 become 127.0.0.1) and PostgreSQL is the machine's own
# (scripts/test-services.sh), with role and database `aeroscrap`.
# tests/integration/test_compose.py checks that this file and docker-compose.yml agree.
#
#   scripts/compose-native.sh up               migrate, then scrapyd, scheduler and api
#   scripts/compose-native.sh down             stop the services `up` started
#   scripts/compose-native.sh run SERVICE      one service in the foreground
#   scripts/compose-native.sh command SERVICE  print its command, one argument per line
#   scripts/compose-native.sh env SERVICE      print its compose environment, KEY=VALUE lines
#
# Like compose it needs POSTGRES_PASSWORD, SCRAPYD_USERNAME, SCRAPYD_PASSWORD and
# AEROSCRAP_ADMIN_API_KEY, and reads AEROSCRAP_SCHEDULE (default schedule.example.toml).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
RUN_DIR=${AEROSCRAP_NATIVE_DIR:-$ROOT/var/native}
SERVICES=(migrate scrapyd scheduler api)
[ -x "$ROOT/.venv/bin/aeroscrap" ] && PATH="$ROOT/.venv/bin:$PATH"

service_command() {
  case "$1" in
    migrate) CMD=(sh -c "aeroscrap db upgrade && aeroscrap db seed") ;;
    scrapyd) CMD=(deploy/scrapyd-start.sh) ;;
    scheduler) CMD=(aeroscrap schedule --file schedule.toml) ;;
    api) CMD=(aeroscrap serve --host 127.0.0.1 --port 8000 --workers 2) ;;
    *) echo "unknown service: $1 (services: ${SERVICES[*]})" >&2; exit 2 ;;
  esac
}

service_env() {
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
  : "${SCRAPYD_USERNAME:?set SCRAPYD_USERNAME}"
  : "${SCRAPYD_PASSWORD:?set SCRAPYD_PASSWORD}"
  : "${AEROSCRAP_ADMIN_API_KEY:?set AEROSCRAP_ADMIN_API_KEY}"
  ENV=(
    AEROSCRAP_ENV=production
    "AEROSCRAP_DATABASE_URL=postgresql+psycopg://aeroscrap:${POSTGRES_PASSWORD}@127.0.0.1:5432/aeroscrap"
    AEROSCRAP_SCRAPYD_URLS=http://127.0.0.1:6800
    "AEROSCRAP_SCRAPYD_USERNAME=${SCRAPYD_USERNAME}"
    "AEROSCRAP_SCRAPYD_PASSWORD=${SCRAPYD_PASSWORD}"
    "AEROSCRAP_ADMIN_API_KEY=${AEROSCRAP_ADMIN_API_KEY}"
    "AEROSCRAP_CORS_ORIGINS=${AEROSCRAP_CORS_ORIGINS:-}"
    "AEROSCRAP_LOG_LEVEL=${AEROSCRAP_LOG_LEVEL:-INFO}"
  )
  if [ "$1" = scrapyd ]; then
    ENV+=(
      "SCRAPYD_USERNAME=${SCRAPYD_USERNAME}"
      "SCRAPYD_PASSWORD=${SCRAPYD_PASSWORD}"
      SCRAPYD_BIND_ADDRESS=127.0.0.1
      SCRAPYD_HTTP_PORT=6800
    )
  fi
}

# What the image sets up (Dockerfile ENV, the schedule file mounted at /app/schedule.toml),
# laid out under $RUN_DIR; not part of the compose environment.
prepare_layout() {
  mkdir -p "$RUN_DIR/scrapyd" "$RUN_DIR/resumes" "$RUN_DIR/spool"
  ln -sfn "$ROOT/deploy" "$RUN_DIR/deploy"
  ln -sfn "$(readlink -f "${AEROSCRAP_SCHEDULE:-$ROOT/schedule.example.toml}")" "$RUN_DIR/schedule.toml"
  LAYOUT=(
    "SCRAPYD_HOME=$RUN_DIR/scrapyd"
    "AEROSCRAP_RESUME_DIR=$RUN_DIR/resumes"
    "AEROSCRAP_SPOOL_DIR=$RUN_DIR/spool"
  )
}

run_service() {
  service_command "$1"
  service_env "$1"
  prepare_layout
  cd "$RUN_DIR"
  exec env "${ENV[@]}" "${LAYOUT[@]}" "${CMD[@]}"
}

start_background() {
  setsid "$0" run "$1" >"$RUN_DIR/$1.log" 2>&1 &
  echo $! >"$RUN_DIR/$1.pid"
  echo "started $1 (pid $!, log $RUN_DIR/$1.log)"
}

wait_scrapyd() {
  # The compose healthcheck: the project is deployed and answers with credentials.
  for _ in $(seq 1 120); do
    if python3 -c "import httpx,sys; r=httpx.get('http://127.0.0.1:6800/listprojects.json', auth=(sys.argv[1], sys.argv[2])); sys.exit('aeroscrap' not in r.json().get('projects', []))" \
      "$SCRAPYD_USERNAME" "$SCRAPYD_PASSWORD" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "scrapyd did not become healthy; see $RUN_DIR/scrapyd.log" >&2
  return 1
}

up() {
  service_env migrate
  mkdir -p "$RUN_DIR"
  "$0" run migrate
  start_background scrapyd
  wait_scrapyd
  start_background scheduler
  start_background api
}

down() {
  for svc in api scheduler scrapyd; do
    pidfile="$RUN_DIR/$svc.pid"
    [ -f "$pidfile" ] || continue
    # Each service leads its own session (setsid): stop it with everything it started.
    kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
    echo "stopped $svc"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  run) run_service "${2:?service}" ;;
  command) service_command "${2:?service}"; printf '%s\n' "${CMD[@]}" ;;
  env) service_env "${2:?service}"; printf '%s\n' "${ENV[@]}" ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Start one AeroScrap scrapyd node and deploy the project egg to it. This is the command of the
# compose `scrapyd` service; scripts/compose-native.sh and the integration tests run it unchanged.
#
#   SCRAPYD_USERNAME, SCRAPYD_PASSWORD  required: scrapyd's API runs any egg (RELIABILITY #10)
#   SCRAPYD_HTTP_PORT (6800), SCRAPYD_BIND_ADDRESS (127.0.0.1)   read by scrapyd itself
#   SCRAPYD_HOME   working directory: scrapyd.conf, eggs, logs, dbs (default var/scrapyd)
#   AEROSCRAP_EGG  a built egg (the image has one); unset: build it with scrapyd-deploy
#   AEROSCRAP_*    passed by scrapyd to every crawl it starts
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
: "${SCRAPYD_USERNAME:?set SCRAPYD_USERNAME: a scrapyd node never runs without credentials}"
: "${SCRAPYD_PASSWORD:?set SCRAPYD_PASSWORD: a scrapyd node never runs without credentials}"
PORT=${SCRAPYD_HTTP_PORT:-6800}
WORK=$(mkdir -p "${SCRAPYD_HOME:-var/scrapyd}" && cd "${SCRAPYD_HOME:-var/scrapyd}" && pwd)
cp "$ROOT/deploy/scrapyd.conf" "$WORK/scrapyd.conf"

EGG=${AEROSCRAP_EGG:-}
if [ -z "$EGG" ]; then
  EGG="$WORK/aeroscrap.egg"
  (cd "$ROOT" && scrapyd-deploy --build-egg "$EGG") >/dev/null 2>&1 \
    || { echo "scrapyd-start: could not build the egg (cd $ROOT && scrapyd-deploy --build-egg x.egg -d)" >&2; exit 1; }
fi

cd "$WORK"
scrapyd &
PID=$!
# docker stop / Ctrl-C reach this script first: pass them on so scrapyd shuts down cleanly.
trap 'kill -TERM "$PID" 2>/dev/null || true' TERM INT

# Upload the egg once scrapyd answers: the same addversion.json request scrapyd-deploy makes.
python3 - "$EGG" "$PORT" <<'PY' || { kill -TERM "$PID"; wait "$PID" || true; exit 1; }
import os, sys, time
from aeroscrap.scrapyd_client import ScrapydNode, ScrapydError

egg, port = sys.argv[1], sys.argv[2]
node = ScrapydNode(
    f"http://127.0.0.1:{port}",
    username=os.environ["SCRAPYD_USERNAME"],
    password=os.environ["SCRAPYD_PASSWORD"],
)
deadline = time.monotonic() + 60
while True:
    try:
        node.daemon_status()
        break
    except ScrapydError as exc:
        if time.monotonic() > deadline:
            sys.exit(f"scrapyd-start: scrapyd did not answer on port {port}: {exc}")
        time.sleep(0.2)
version = os.environ.get("AEROSCRAP_EGG_VERSION") or str(int(time.time()))
with open(egg, "rb") as f:
    spiders = node.add_version(f.read(), version=version)
print(f"scrapyd-start: deployed aeroscrap {version} ({spiders} spiders) to {node.url}", flush=True)
PY

set +e
wait "$PID"
STATUS=$?
# A trapped signal ends the first wait early; wait again for scrapyd to finish stopping.
if kill -0 "$PID" 2>/dev/null; then
  wait "$PID"
  STATUS=$?
fi
exit "$STATUS"

#!/usr/bin/env bash
# The built-in demo: a healthy baseline against a gray build that leaks ~2 MiB/min into a map.
# The services set memgate's heap sampling rate (64 KiB) themselves: Debian's Go 1.19 ignores the
# GODEBUG=memprofilerate memgate sets (golang/go#55100).
# Expected result: memgate blocks the gray build (exit status 1), which this script reports as success.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "demo: Go is needed to build the fixtures: sudo apt-get install -y golang-go" >&2; exit 2; }
bash fixtures/build.sh .tmp/bin || exit 2
node dist/cli.js run \
  --baseline ".tmp/bin/healthy -addr 127.0.0.1:{port} -memprofile-rate 65536" \
  --gray ".tmp/bin/leak-map -addr 127.0.0.1:{port} -memprofile-rate 65536" \
  --warmup 10s --duration 30s --max-duration 5m --out memgate-out "$@"
status=$?
if [ "$status" -eq 1 ]; then
  echo "demo: memgate blocked the leaking gray build (exit 1), as it should. Report: memgate-out/report.json"
  exit 0
fi
echo "demo: expected memgate to block the leaking build (exit 1), got exit $status" >&2
exit 1

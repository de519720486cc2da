#!/usr/bin/env bash
# README, first command: set up a fresh machine and run the demo (built extension in Chromium on sample pages of
# every supported site, with the built-in default model; screenshots and a summary in demo-output/).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  $SUDO apt-get update </dev/null && $SUDO apt-get install -y --no-install-recommends chromium </dev/null
fi
[ -d node_modules ] || npm ci --no-audit --no-fund </dev/null
npm run build </dev/null
npx tsx scripts/demo.ts

#!/usr/bin/env bash
# Brings package-lock.json in step with package.json and makes it complete for every platform, so that
# `npm ci` accepts it anywhere. npm leaves out other platforms' optional binaries (e.g. @node-rs/jieba-darwin-x64)
# when it resolves against an installed node_modules, so resolve in a scratch folder without one.
# Usage: npm run lock   (after editing dependencies in package.json, or after `npm install <pkg>`)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp package.json .npmrc "$scratch"/
[ -f package-lock.json ] && cp package-lock.json "$scratch"/
(cd "$scratch" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null)
cp "$scratch"/package-lock.json package-lock.json
echo "lock: package-lock.json is complete; now run: npm ci && npm install-scripts ls" >&2

#!/usr/bin/env bash
# The server the end-to-end tests run against (Playwright's webServer): the built app
# (`node build`) on a fresh copy of the migrated template database, with the demo data seeded
# on start, on http://localhost:4173 (or E2E_PORT). The copy is deleted when the server stops.
#
# TEMPLATE_PGLITE_DIR names the template (npm test builds it once per run); without it this
# script builds one, which takes about half a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f build/index.js ]]; then
	echo "e2e-server: build/index.js is missing; run 'npx vite build' first" >&2
	exit 1
fi

work=$(mktemp -d "${MACHI_TEST_TMP:-${TMPDIR:-/tmp}}/machi-e2e-XXXXXX")
server=""
cleanup() {
	if [[ -n $server ]]; then
		kill -TERM "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

template=${TEMPLATE_PGLITE_DIR:-}
if [[ -z $template ]]; then
	template=$work/template
	npx tsx scripts/make-template-db.ts "$template"
fi
cp -a "$template" "$work/pglite"

unset DATABASE_URL DEMO_DATA
export PGLITE_DIR=$work/pglite
export PHOTO_DIR=$work/photos
export PUBLIC_MAP_STYLE_URL=/map/offline-style.json
export PORT=${E2E_PORT:-4173}
export ORIGIN=http://localhost:$PORT
export HOST=127.0.0.1
export BODY_SIZE_LIMIT=20M
unset SUPABASE_URL SUPABASE_ANON_KEY SUPABASE_SERVICE_ROLE_KEY
export REAL_DATA_DIR=${REAL_DATA_DIR:-$(cd .. && pwd)/shared/data}

node build &
server=$!
wait "$server"

#!/usr/bin/env bash
# `npm test`: every check the project has, on a machine that may have nothing but Node and
# npm's packages installed.
#
#   1. system dependencies (scripts/ensure-deps.sh: chromium, PostgreSQL 15, PostGIS, pgTAP)
#   2. `vite build` (also compiles the Paraglide messages), svelte-check and lint (one test
#      each), while one migrated embedded database (scripts/make-template-db.ts) is built in
#      the background for every later step to copy
#   3. a throwaway PostgreSQL 15 (scripts/pg-throwaway.sh)
#   4. Vitest twice, the whole suite: on the embedded PGlite, then with DATABASE_URL on
#      PostgreSQL 15 (the suite is small, and a spec need not say whether it uses the database)
#   5. pgTAP (supabase/tests/database): pg_prove on PostgreSQL 15, scripts/pgtap-pglite.ts on PGlite
#   6. Playwright end to end against the built server (scripts/e2e-server.sh)
#
# Each step is counted; the last line is `N passed, N failed` over the individual tests of all
# runners, and the exit status is non-zero when anything failed. Set KEEP_TEST_TMP=1 to keep
# the temporary folder (databases, reports) for a look afterwards.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)

RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/machi-test-XXXXXX")
REPORTS=$RUN_TMP/reports
TEMPLATE=$RUN_TMP/template-pglite
mkdir -p "$REPORTS"

export REAL_DATA_DIR=${REAL_DATA_DIR:-$(cd "$ROOT/.." && pwd)/shared/data}
export MACHI_TEST_TMP=$RUN_TMP
export TEMPLATE_PGLITE_DIR=$TEMPLATE
export BCRYPT_COST=4
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The tests make their own databases and photo folders; nothing from the caller's setup leaks in.
unset DATABASE_URL PGLITE_DIR DEMO_DATA SUPABASE_URL SUPABASE_ANON_KEY SUPABASE_SERVICE_ROLE_KEY

# shellcheck source=scripts/pg-throwaway.sh
source scripts/pg-throwaway.sh

TEMPLATE_PID=""
cleanup() {
	[[ -n $TEMPLATE_PID ]] && kill "$TEMPLATE_PID" 2>/dev/null
	pg_throwaway_stop
	[[ ${KEEP_TEST_TMP:-} == 1 ]] || rm -rf "$RUN_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Bookkeeping: one row per step.

NAMES=() RESULTS=() PASSED=() FAILED=() TIMES=()
STEP_STARTED=0

begin_step() {
	STEP_STARTED=$(date +%s)
	printf '\n\033[1m==> %s\033[0m\n' "$1"
}

record() { # name result passed failed
	NAMES+=("$1") RESULTS+=("$2") PASSED+=("$3") FAILED+=("$4")
	TIMES+=("$(($(date +%s) - STEP_STARTED))")
	printf '<== %s: %s (%s passed, %s failed, %ss)\n' "$1" "$2" "$3" "$4" "${TIMES[-1]}"
}

# Runs a command with a time limit where coreutils' timeout exists.
limit() {
	local seconds=$1
	shift
	if command -v timeout >/dev/null 2>&1; then
		timeout --kill-after=30 "$seconds" "$@"
	else
		"$@"
	fi
}

# A step that prepares the others: counts as one failed test only when it fails.
setup_step() { # name command...
	local name=$1
	shift
	begin_step "$name"
	if "$@"; then
		record "$name" ok 0 0
		return 0
	fi
	record "$name" FAILED 0 1
	return 1
}

# A step that is one test: check, lint.
single_step() { # name command...
	local name=$1
	shift
	begin_step "$name"
	if "$@"; then record "$name" ok 1 0; else record "$name" FAILED 0 1; fi
}

# A test runner whose report says how many tests passed and failed. A runner that fails
# without a failed test in its report (a crash, a file that would not load) adds one failure.
counted_step() { # name kind report command...
	local name=$1 kind=$2 report=$3 status counts passed failed
	shift 3
	begin_step "$name"
	"$@"
	status=$?
	counts=$(node scripts/test-count.mjs "$kind" "$report")
	read -r passed failed <<<"$counts"
	if ((status != 0 && failed == 0)); then
		echo "test: $name exited with status $status"
		failed=1
	fi
	if ((status == 0 && failed == 0)); then
		record "$name" ok "$passed" "$failed"
	else
		record "$name" FAILED "$passed" "$failed"
	fi
}

not_run() { # name reason
	begin_step "$1"
	echo "test: not run: $2"
	record "$1" "NOT RUN" 0 1
}

# ---------------------------------------------------------------------------------------------
# The steps.

vitest() { # report
	limit 1200 npx vitest run --passWithNoTests --reporter=default --reporter=json \
		--outputFile.json="$1"
}

vitest_on_pglite() {
	local dir=$RUN_TMP/vitest-pglite
	cp -a "$TEMPLATE" "$dir" &&
		PGLITE_DIR=$dir DEMO_DATA=off PHOTO_DIR=$RUN_TMP/vitest-pglite-photos \
			vitest "$REPORTS/vitest-pglite.json"
}

vitest_on_postgres() {
	local url
	url=$(pg_throwaway_createdb vitest) &&
		DATABASE_URL=$url PGLITE_DIR=$RUN_TMP/vitest-unused-pglite DEMO_DATA=off \
			PHOTO_DIR=$RUN_TMP/vitest-postgres-photos vitest "$REPORTS/vitest-postgres.json"
}

PGTAP_FILES=(supabase/tests/database/*.test.sql)

pgtap_on_postgres() {
	local url
	url=$(pg_throwaway_createdb pgtap) || return 1
	DATABASE_URL=$url npx tsx scripts/migrate.ts || return 1
	limit 600 pg_prove --verbose --host 127.0.0.1 --port "$PG_THROWAWAY_PORT" --username postgres \
		--dbname pgtap "${PGTAP_FILES[@]}" 2>&1 | tee "$REPORTS/pgtap-postgres.tap"
}

pgtap_on_pglite() {
	local dir=$RUN_TMP/pgtap-pglite
	cp -a "$TEMPLATE" "$dir" &&
		limit 600 npx tsx scripts/pgtap-pglite.ts "$dir" --tap "$REPORTS/pgtap-pglite.tap" \
			"${PGTAP_FILES[@]}"
}

# Vite refuses to build while another build of the same folder runs (in a working tree that
# others share); wait for it rather than fail.
build_app() {
	local attempt log=$RUN_TMP/vite-build.log
	for attempt in 1 2 3 4 5 6 7 8 9 10; do
		PUBLIC_MAP_STYLE_URL=/map/offline-style.json limit 900 npx vite build 2>&1 | tee "$log"
		[[ ${PIPESTATUS[0]} -eq 0 ]] && return 0
		grep -q 'Found another Vite build process' "$log" || return 1
		echo "test: another vite build is running here; trying again in 20 s ($attempt/10)"
		sleep 20
	done
	return 1
}

playwright() {
	E2E_JSON_REPORT=$REPORTS/e2e.json limit 2400 npx playwright test
}

template_done() {
	local status=0
	wait "$TEMPLATE_PID" || status=$?
	TEMPLATE_PID=""
	cat "$RUN_TMP/template.log"
	return "$status"
}

STARTED=$(date +%s)
echo "test: temporary folder $RUN_TMP$([[ ${KEEP_TEST_TMP:-} == 1 ]] && echo ' (kept)')"
echo "test: real data from $REAL_DATA_DIR"

if ! setup_step "system dependencies" bash scripts/ensure-deps.sh; then
	echo "test: continuing; the steps that need the missing packages will fail"
fi

# The template takes about half a minute of one core; build it while the app builds.
npx tsx scripts/make-template-db.ts "$TEMPLATE" >"$RUN_TMP/template.log" 2>&1 &
TEMPLATE_PID=$!

# The build comes first: it also compiles the Paraglide messages (src/lib/paraglide, not in
# git) that svelte-check needs in a fresh clone.
build_ok=0
setup_step "vite build" build_app && build_ok=1

single_step "svelte-check" npm run --silent check
single_step "lint" npm run --silent lint

pg_ok=0 template_ok=0
setup_step "throwaway PostgreSQL 15" pg_throwaway_start && pg_ok=1
setup_step "template embedded database" template_done && template_ok=1

if ((template_ok)); then
	counted_step "vitest on PGlite" vitest "$REPORTS/vitest-pglite.json" vitest_on_pglite
else
	not_run "vitest on PGlite" "the template database could not be built"
fi
if ((pg_ok)); then
	counted_step "vitest on PostgreSQL 15" vitest "$REPORTS/vitest-postgres.json" vitest_on_postgres
	counted_step "pgTAP on PostgreSQL 15" tap "$REPORTS/pgtap-postgres.tap" pgtap_on_postgres
else
	not_run "vitest on PostgreSQL 15" "PostgreSQL 15 did not start"
	not_run "pgTAP on PostgreSQL 15" "PostgreSQL 15 did not start"
fi
# PostgreSQL is not needed any more; give its memory back to the browser.
pg_throwaway_stop
if ((template_ok)); then
	counted_step "pgTAP on PGlite" tap "$REPORTS/pgtap-pglite.tap" pgtap_on_pglite
else
	not_run "pgTAP on PGlite" "the template database could not be built"
fi

if ((build_ok == 0)); then
	not_run "Playwright end to end" "the app did not build"
elif ((template_ok == 0)); then
	not_run "Playwright end to end" "the template database could not be built"
else
	counted_step "Playwright end to end" playwright "$REPORTS/e2e.json" playwright
fi

# ---------------------------------------------------------------------------------------------
# Summary.

total_passed=0 total_failed=0
printf '\n\033[1mSummary\033[0m (%ss in all)\n' "$(($(date +%s) - STARTED))"
printf '  %-28s %-8s %7s %7s %7s\n' step result passed failed time
for i in "${!NAMES[@]}"; do
	printf '  %-28s %-8s %7s %7s %6ss\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${PASSED[$i]}" \
		"${FAILED[$i]}" "${TIMES[$i]}"
	total_passed=$((total_passed + PASSED[i]))
	total_failed=$((total_failed + FAILED[i]))
done
echo "$total_passed passed, $total_failed failed"
((total_failed == 0))

#!/usr/bin/env bash
# Makes sure the machine has what the tests need outside npm: Debian's chromium (Playwright
# drives it; nothing is downloaded), PostgreSQL 15 with PostGIS 3 and pgTAP, and pg_prove.
# On Debian as root it installs whatever is missing (one `apt-get update`, then one
# `apt-get install`); anywhere else it says exactly what to install and fails.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_SHARE=${PG_SHARE:-/usr/share/postgresql/15}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

# Debian package, then the file that proves it is installed.
checks=(
	"chromium|$CHROMIUM"
	"postgresql-15|$PG_BIN/initdb"
	"postgresql-15-postgis-3|$PG_SHARE/extension/postgis.control"
	"postgresql-15-pgtap|$PG_SHARE/extension/pgtap.control"
	"libtap-parser-sourcehandler-pgtap-perl|pg_prove"
)

missing_packages() {
	local entry package proof
	for entry in "${checks[@]}"; do
		package=${entry%%|*}
		proof=${entry#*|}
		if [[ $proof == /* ]]; then
			[[ -e $proof ]] || echo "$package"
		else
			command -v "$proof" >/dev/null 2>&1 || echo "$package"
		fi
	done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
	echo "ensure-deps: chromium, PostgreSQL 15, PostGIS 3, pgTAP and pg_prove are present"
	exit 0
fi

echo "ensure-deps: missing ${missing[*]}"

if [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1; then
	if [[ $(id -u) -ne 0 ]]; then
		echo "ensure-deps: not root; install them with:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
	mapfile -t still < <(missing_packages)
	if ((${#still[@]} > 0)); then
		echo "ensure-deps: still missing after apt-get install: ${still[*]}" >&2
		exit 1
	fi
	echo "ensure-deps: installed ${missing[*]}"
	exit 0
fi

cat >&2 <<EOF
ensure-deps: this is not Debian (or apt-get is missing), so nothing was installed.
The tests need, at these paths (override with the variables in brackets):
  - Chromium at $CHROMIUM [CHROMIUM_PATH]        (Debian: chromium)
  - PostgreSQL 15 server binaries in $PG_BIN [PG_BIN] (Debian: postgresql-15)
  - PostGIS 3 for PostgreSQL 15 in $PG_SHARE/extension [PG_SHARE] (Debian: postgresql-15-postgis-3)
  - pgTAP for PostgreSQL 15 in $PG_SHARE/extension (Debian: postgresql-15-pgtap)
  - pg_prove on PATH (Debian: libtap-parser-sourcehandler-pgtap-perl; elsewhere: cpan TAP::Parser::SourceHandler::pgTAP)
Missing now: ${missing[*]}
EOF
exit 1

# A throwaway PostgreSQL 15 for the tests, independent of any system cluster: initdb into a
# temporary folder, listen on 127.0.0.1 only, on a free port, with the Unix socket inside that
# folder and trust authentication. Source this file, then:
#
#   pg_throwaway_start   # exports TEST_DATABASE_URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   pg_throwaway_stop    # stops the server and deletes the folder (call it from an EXIT trap)
#
# initdb refuses to run as root, so as root the folder belongs to the `postgres` OS user and the
# server runs as that user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_THROWAWAY_DIR=""

pg_throwaway_as_owner() {
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_throwaway_free_port() {
	node -e "const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

pg_throwaway_start() {
	PG_THROWAWAY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/machi-pg-XXXXXX")
	if [[ $(id -u) -eq 0 ]]; then
		if ! id postgres >/dev/null 2>&1; then
			echo "pg-throwaway: running as root needs the 'postgres' OS user (Debian's postgresql-15 creates it)" >&2
			return 1
		fi
		chown postgres: "$PG_THROWAWAY_DIR"
	fi
	chmod 700 "$PG_THROWAWAY_DIR"

	local data=$PG_THROWAWAY_DIR/data port
	pg_throwaway_as_owner "$PG_BIN/initdb" --pgdata="$data" --username=postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 || {
		cat "$PG_THROWAWAY_DIR/initdb.log" >&2
		return 1
	}

	port=$(pg_throwaway_free_port)
	# Durability is pointless for a database that is deleted afterwards.
	pg_throwaway_as_owner "$PG_BIN/pg_ctl" --pgdata="$data" --log="$PG_THROWAWAY_DIR/server.log" \
		--wait --timeout=60 start -o "-c listen_addresses=127.0.0.1 -c port=$port \
-c unix_socket_directories=$PG_THROWAWAY_DIR -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=50" >/dev/null || {
		cat "$PG_THROWAWAY_DIR/server.log" >&2
		return 1
	}

	PG_THROWAWAY_PORT=$port
	export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
	echo "pg-throwaway: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_THROWAWAY_DIR)"
}

# Creates an empty database in the throwaway server and prints its URL.
pg_throwaway_createdb() {
	local name=$1
	"$PG_BIN/psql" --quiet --no-psqlrc --set=ON_ERROR_STOP=1 "$TEST_DATABASE_URL" \
		--command="create database \"$name\"" >/dev/null
	echo "postgres://postgres@127.0.0.1:$PG_THROWAWAY_PORT/$name"
}

pg_throwaway_stop() {
	[[ -n $PG_THROWAWAY_DIR && -d $PG_THROWAWAY_DIR ]] || return 0
	if [[ -f $PG_THROWAWAY_DIR/data/postmaster.pid ]]; then
		pg_throwaway_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_THROWAWAY_DIR/data" --mode=immediate \
			--wait stop >/dev/null 2>&1 || true
	fi
	rm -rf "$PG_THROWAWAY_DIR"
	PG_THROWAWAY_DIR=""
}

#!/usr/bin/env bash
# Make sure the local Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432) that the storage
# tests use are answering: start each one that is down with this machine's own command (see
# /work/.library/env/machines/node-svc.md), installing it from Debian's packages only if it is
# missing, then wait until it answers. Idempotent: when both are up it only checks.
set -euo pipefail

REDIS_PORT=${LETTERDAY_REDIS_PORT:-6379}
PG_PORT=${LETTERDAY_PG_PORT:-5432}
WAIT_SECONDS=${LETTERDAY_SERVICES_WAIT:-30}

log() { printf 'services: %s\n' "$*" >&2; }

redis_up() {
	# Speak RESP over bash's /dev/tcp, so no redis-cli is needed to check.
	local reply=''
	{ exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"; } 2>/dev/null || return 1
	printf 'PING\r\n' >&3
	IFS= read -r -t 2 reply <&3 || true
	exec 3>&- 3<&-
	[[ "$reply" == '+PONG'* ]]
}

postgres_up() {
	if command -v pg_isready >/dev/null 2>&1; then
		pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null
	fi
}

apt_updated=0
apt_install() {
	if [[ $apt_updated -eq 0 ]]; then
		log "apt-get update"
		apt-get update -qq
		apt_updated=1
	fi
	log "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
	local name=$1 check=$2
	for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
		if "$check"; then
			log "$name is up"
			return 0
		fi
		sleep 0.25
	done
	log "$name did not answer within ${WAIT_SECONDS}s"
	return 1
}

start_redis() {
	command -v redis-server >/dev/null 2>&1 || apt_install redis-server
	mkdir -p /var/lib/redis /var/log/redis
	log "starting Redis"
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
		--dir /var/lib/redis --logfile /var/log/redis/ci.log
}

# The newest installed PostgreSQL major version (this machine has one: /etc/postgresql/15).
pg_version() {
	find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
	if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(pg_version)" ]]; then
		apt_install postgresql
		local version
		version=$(pg_version)
		# A fresh install asks TCP clients for a password; the tests connect as postgres without one,
		# as on the machines this project runs on (trust on loopback).
		sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "/etc/postgresql/$version/main/pg_hba.conf"
	fi
	log "starting PostgreSQL"
	# "already running" exits non-zero; whether it answers is what counts (wait_for below).
	pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start || true
}

ensure_test_database() {
	# The tests use the database `test`; create it if this machine has none.
	if command -v psql >/dev/null 2>&1 &&
		! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
		log "creating database test"
		psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc 'create database test' >/dev/null
	fi
}

if redis_up; then log "Redis is up"; else start_redis && wait_for Redis redis_up; fi
if postgres_up; then log "PostgreSQL is up"; else start_postgres && wait_for PostgreSQL postgres_up; fi
ensure_test_database

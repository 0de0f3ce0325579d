#!/bin/sh
# Redis (Debian's redis-server) in the mljudge-base image: the broker and the cache. AOF persistence on
# (appendonly, fsync every second): queued Celery messages survive a restart of this container. A password
# when REDIS_PASSWORD is set (docker/.env; REDIS_URL must then carry it).
set -eu
mkdir -p /data
chown redis:redis /data
set -- --bind 0.0.0.0 --protected-mode no --dir /data --appendonly yes --appendfsync everysec --save "" "$@"
[ -z "${REDIS_PASSWORD:-}" ] || set -- "$@" --requirepass "$REDIS_PASSWORD"
exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$@"

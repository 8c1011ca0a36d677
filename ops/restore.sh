#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and media folder, then run
# the smoke check. Usage: DATABASE_URL=postgres://.../new_db MEDIA_ROOT=/srv/new/media \
#   ops/restore.sh /backups/2026-11-25
set -euo pipefail
source_dir="${1:?usage: ops/restore.sh <backup folder>}"
: "${DATABASE_URL:?DATABASE_URL must point to the (empty) database to restore into}"
( cd "$source_dir" && sha256sum --check --quiet SHA256SUMS )
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$source_dir/database.dump"
if [[ -f "$source_dir/media.tar.gz" && -n "${MEDIA_ROOT:-}" ]]; then
    mkdir -p "$MEDIA_ROOT"
    tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$MEDIA_ROOT"
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"${PYTHON:-$here/.venv/bin/python}" "$here/manage.py" smoke_check

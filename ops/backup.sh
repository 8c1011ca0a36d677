#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the media files.
# Usage: DATABASE_URL=postgres://... MEDIA_ROOT=/srv/portal/media ops/backup.sh /backups/2026-11-25
set -euo pipefail
target="${1:?usage: ops/backup.sh <target folder>}"
: "${DATABASE_URL:?DATABASE_URL must point to the PostgreSQL database}"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
if [[ -n "${MEDIA_ROOT:-}" && -d "$MEDIA_ROOT" ]]; then
    tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" .
fi
( cd "$target" && sha256sum database.dump $( [[ -f media.tar.gz ]] && echo media.tar.gz ) > SHA256SUMS )
echo "backup written to $target"

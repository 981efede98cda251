#!/bin/bash
# Start script of the `odoo` service (docker-compose.yml).
# First start: create database "wjl" with every WJL addon, demo data and zh_CN.
# Later starts: just serve it. Runs through the official image's entrypoint, which
# adds the HOST/PORT/USER/PASSWORD database arguments and waits for PostgreSQL.
set -euo pipefail
DB=${WJL_DB:-wjl}
ADDONS=$(cd /mnt/extra-addons && for d in */__manifest__.py; do dirname "$d"; done | paste -sd, -)
installed=$(PGPASSWORD="${PASSWORD:-odoo}" psql -h "${HOST:-db}" -p "${PORT:-5432}" \
    -U "${USER:-odoo}" -d "$DB" -tAc \
    "SELECT 1 FROM ir_module_module WHERE name = 'wjl_base' AND state = 'installed'" \
    2>/dev/null || true)
if [ "$installed" = "1" ]; then
    exec /entrypoint.sh odoo -d "$DB" "$@"
fi
exec /entrypoint.sh odoo -d "$DB" -i "$ADDONS" --load-language=zh_CN "$@"

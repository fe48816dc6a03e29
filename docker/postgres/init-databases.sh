#!/usr/bin/env bash
# Run by the postgres image on the first start of an empty data volume only (/docker-entrypoint-initdb.d/).
# Each service gets a login role and a database it owns (and no other role may connect to), both named after
# it; the role's password comes from <NAME>_DB_PASSWORD (docker-compose.yml passes them in, without default). The
# roles are not superusers and may create neither roles nor databases: a service reaches its own data only.
set -euo pipefail

for name in school workshop reach; do
  password_variable="${name^^}_DB_PASSWORD"
  password="${!password_variable:?$password_variable is not set}"
  # psql substitutes :"name" (an identifier) and :'password' (a literal), quoting them safely.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done

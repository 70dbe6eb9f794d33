-- Relais's PostgreSQL roles and databases, run once by the administrator (the image's superuser
-- POSTGRES_USER, `postgres`, when the data folder is created: docker-entrypoint-initdb.d). No
-- service logs in as a superuser:
--   relais_tracker  owns only the database `rasa` (Rasa's tracker store creates its table there;
--                   the gateways read it for the counsellors' history and delete from it for
--                   erasure and the hourly retention purge);
--   relais_tickets  owns only the database `relais` (the gateways: callback tickets and
--                   indicators, migrated by Alembic when a gateway starts);
--   relais_purge    the purge job: connects to `relais` only, reads and deletes rows of the
--                   tables relais_tickets creates there, nothing else (no INSERT, UPDATE or DDL:
--                   it cannot migrate; a gateway does).
-- The passwords come from the environment of psql (postgres-secrets.env / the Secret
-- relais-postgres), never from this file; a missing one stops the script (ON_ERROR_STOP).
-- Needs psql 15+ (\getenv) and PostgreSQL 15+ (the public schema belongs to the database's owner).
\set ON_ERROR_STOP on
\getenv tracker_password RELAIS_PG_TRACKER_PASSWORD
\getenv tickets_password RELAIS_PG_TICKETS_PASSWORD
\getenv purge_password RELAIS_PG_PURGE_PASSWORD

CREATE ROLE relais_tracker LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'tracker_password';
CREATE ROLE relais_tickets LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'tickets_password';
CREATE ROLE relais_purge LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'purge_password';

CREATE DATABASE rasa OWNER relais_tracker;
CREATE DATABASE relais OWNER relais_tickets;
-- Nobody else connects (PUBLIC has CONNECT and TEMP on a new database by default).
REVOKE ALL ON DATABASE rasa FROM PUBLIC;
REVOKE ALL ON DATABASE relais FROM PUBLIC;
GRANT CONNECT ON DATABASE relais TO relais_purge;

\connect relais
-- The tables do not exist yet (a gateway creates them at its first start): the grant is given
-- for every table relais_tickets will create in this database's public schema.
GRANT USAGE ON SCHEMA public TO relais_purge;
ALTER DEFAULT PRIVILEGES FOR ROLE relais_tickets IN SCHEMA public GRANT SELECT, DELETE ON TABLES TO relais_purge;

-- Two databases on one PostgreSQL: the callback tickets (the gateway, Alembic) and Rasa's tracker.
-- The role `relais` is created by the image from POSTGRES_USER / POSTGRES_PASSWORD.
CREATE DATABASE rasa OWNER relais;

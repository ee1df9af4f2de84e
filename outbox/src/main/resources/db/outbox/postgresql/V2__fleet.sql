-- Issue 19: time from one place. On PostgreSQL the database's clock decides every lease, heartbeat,
-- back-off, not-before and expiry comparison: the outbox's SQL calls outbox_now() (epoch milliseconds),
-- never a host's clock. (On SQLite one host decides; the store registers outbox_now() on its connections.)
CREATE OR REPLACE FUNCTION outbox_now() RETURNS BIGINT LANGUAGE SQL VOLATILE
    AS $$ SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT) $$;

-- The kind of fault an attempt ended with (MESSAGE, ACCOUNT, NETWORK, MODEM, HOST, UNKNOWN_OUTCOME), or NULL.
ALTER TABLE outbox_attempt ADD COLUMN fault TEXT;

-- Idempotency keys are looked up by key; their window is measured from created_at.
CREATE INDEX outbox_message_lease_owner ON outbox_message (lease_owner);

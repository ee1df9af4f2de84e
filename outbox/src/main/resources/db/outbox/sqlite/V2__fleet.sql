-- Issue 19. On SQLite one host and its clock decide: the store registers outbox_now() (epoch
-- milliseconds from its injected clock) on every connection it opens, so the SQL is the same as PostgreSQL's.

-- The kind of fault an attempt ended with (MESSAGE, ACCOUNT, NETWORK, MODEM, HOST, UNKNOWN_OUTCOME), or NULL.
ALTER TABLE outbox_attempt ADD COLUMN fault TEXT;

CREATE INDEX outbox_message_lease_owner ON outbox_message (lease_owner);

-- The outbox: one row per message, its attachments, every attempt. Times are epoch milliseconds (UTC).
CREATE TABLE outbox_message (
    seq             BIGSERIAL PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    state           TEXT    NOT NULL,
    priority        INTEGER NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    expires_at      BIGINT,
    idempotency_key TEXT    UNIQUE,
    subject         TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    charset         TEXT,
    body            BYTEA   NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    attempts_base   INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    lease_owner     TEXT,
    lease_until     BIGINT,
    submitting      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_message_ready ON outbox_message (state, priority DESC, seq);
CREATE INDEX outbox_message_lease ON outbox_message (state, lease_until);

CREATE TABLE outbox_attachment (
    message_id TEXT    NOT NULL,
    idx        INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    data       BYTEA   NOT NULL,
    PRIMARY KEY (message_id, idx)
);

CREATE TABLE outbox_attempt (
    message_id    TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    started_at    BIGINT  NOT NULL,
    ended_at      BIGINT,
    node          TEXT    NOT NULL,
    modem         TEXT    NOT NULL,
    outcome       TEXT,
    submitted     INTEGER NOT NULL DEFAULT 0,
    error_code    INTEGER NOT NULL DEFAULT 0,
    error_meaning TEXT,
    smtp_reply    INTEGER NOT NULL DEFAULT 0,
    error_text    TEXT,
    phase_times   TEXT,
    PRIMARY KEY (message_id, number)
);

-- Issue 25: a mail may carry its own sender display name (EmailDraft.senderName: printable ASCII without '"',
-- at most 50 bytes), written to the modem instead of the configured one. NULL: the configured name.
-- V3 was reserved for this while V4 landed first: Migrations runs with outOfOrder, so a store already at V4
-- gets V3 applied once, in place.
ALTER TABLE outbox_message ADD COLUMN sender_name TEXT;

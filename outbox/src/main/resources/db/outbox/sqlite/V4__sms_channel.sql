-- Issue 24: a message goes by mail or by SMS. An SMS keeps its number in recipients ("SMS:+<digits>"), its text
-- in body (UTF-8), an empty subject and the most parts it may take. linked_to names the mail an SMS is about
-- (a fallback alarm), or is null.
ALTER TABLE outbox_message ADD COLUMN channel TEXT NOT NULL DEFAULT 'mail';
ALTER TABLE outbox_message ADD COLUMN sms_max_parts INTEGER;
ALTER TABLE outbox_message ADD COLUMN linked_to TEXT;

-- A pause now has a scope: one clinic (as before), or the whole SMS account or sender, which stops every clinic at once
-- (io.aftercare.pause.SendingPauses). A clinic's pause keeps its clinic_id; an account or sender pause has none and is
-- keyed by the account or sender it is about (an account SID or a sender id: not secret).
ALTER TABLE sending_pause DROP CONSTRAINT sending_pause_pkey;
ALTER TABLE sending_pause
    ADD COLUMN scope     TEXT NOT NULL DEFAULT 'CLINIC',
    ADD COLUMN scope_key TEXT,
    ALTER COLUMN clinic_id DROP NOT NULL,
    ADD CONSTRAINT sending_pause_scope CHECK (scope IN ('CLINIC', 'ACCOUNT', 'SENDER')),
    ADD CONSTRAINT sending_pause_scope_fields CHECK (
        (scope = 'CLINIC') = (clinic_id IS NOT NULL) AND (clinic_id IS NULL) = (scope_key IS NOT NULL));
-- One pause per clinic (as the old primary key), one per account or sender.
CREATE UNIQUE INDEX sending_pause_clinic ON sending_pause (clinic_id);
CREATE UNIQUE INDEX sending_pause_scope_key ON sending_pause (scope, scope_key) WHERE clinic_id IS NULL;

-- Twilio's delivery receipts for a message sid no text carries yet: Twilio may call back before the batched outcome
-- write has recorded the sid. Kept here (the furthest one per sid) and applied by that write, in its transaction
-- (io.aftercare.reminder.ProviderReceipts); one older than a day is dropped.
CREATE TABLE pending_receipt (
    provider_id     TEXT PRIMARY KEY,
    provider_status TEXT        NOT NULL,
    provider_rank   SMALLINT    NOT NULL,
    -- DELIVERED or FAILED when the report ends the text's journey, '' otherwise.
    final_status    TEXT        NOT NULL,
    error           TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_receipt_received ON pending_receipt (received_at);

-- Twilio's own word on each text, from its status callbacks (queued, sent, delivered, undelivered, failed).
ALTER TABLE reminder
    ADD COLUMN provider_status     TEXT,
    -- How far along that status is (queued 0 ... delivered or failed 3): a late, older report never overwrites it.
    ADD COLUMN provider_rank       SMALLINT,
    ADD COLUMN provider_updated_at TIMESTAMPTZ;

-- Status callbacks find their text by Twilio's message sid.
CREATE UNIQUE INDEX reminder_provider_id ON reminder (provider_id) WHERE provider_id IS NOT NULL;

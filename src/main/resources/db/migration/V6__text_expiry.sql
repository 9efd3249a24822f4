-- When a text's advice stops applying (the next step is due, or the step's validity ends). A text still unsent
-- by then, because of retries, a hold or a backlog, is recorded EXPIRED instead of being sent late. NULL: never.
ALTER TABLE reminder ADD COLUMN expires_at TIMESTAMPTZ;

CREATE INDEX reminder_expiry ON reminder (expires_at) WHERE status = 'SCHEDULED';

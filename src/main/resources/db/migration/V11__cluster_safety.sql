-- Quartz inserts its two lock rows the first time it needs them. Nodes starting together on a fresh database
-- would both insert them, and the one that loses fails to start: create them with the schema instead.
INSERT INTO qrtz_locks (sched_name, lock_name)
VALUES ('QuarkusQuartzScheduler', 'TRIGGER_ACCESS'),
       ('QuarkusQuartzScheduler', 'STATE_ACCESS')
ON CONFLICT DO NOTHING;

-- Claims that outlived their lease are looked for every few seconds: only texts being sent are indexed.
CREATE INDEX reminder_claim_expiry ON reminder (claim_expires_at) WHERE status = 'SENDING';

-- Claims take due texts clinic by clinic, oldest first within each, so one clinic's backlog never holds up
-- another clinic's texts.
CREATE INDEX reminder_due_by_clinic ON reminder (clinic_id, due_at) WHERE status = 'SCHEDULED';

-- Lists of the staff dashboard (io.aftercare.dashboard), each read 50 rows at a time through a keyset cursor.
-- Today's texts and the failures that need someone, whatever their status: reminder_due_by_clinic holds only
-- SCHEDULED ones.
CREATE INDEX reminder_clinic_due ON reminder (clinic_id, due_at, id);

-- Finding a client by the start of a name (case-insensitive), by the last digits of the number, or the most recently
-- seen first. Erased clients are never listed, so they are left out of every index.
CREATE INDEX client_first_name ON client (clinic_id, lower(first_name) text_pattern_ops) WHERE erased_at IS NULL;
CREATE INDEX client_last_name ON client (clinic_id, lower(last_name) text_pattern_ops) WHERE erased_at IS NULL;
CREATE INDEX client_phone_suffix ON client (clinic_id, reverse(phone) text_pattern_ops) WHERE erased_at IS NULL;
CREATE INDEX client_recent ON client (clinic_id, updated_at DESC, id DESC) WHERE erased_at IS NULL;

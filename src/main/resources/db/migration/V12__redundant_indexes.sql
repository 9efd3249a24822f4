-- Every index on reminder is written on each of a session's texts. These two are served by others:
-- texts due are claimed clinic by clinic through reminder_due_by_clinic (V10), and V11 repeated V2's
-- reminder_claim_lease under another name.
DROP INDEX IF EXISTS reminder_due;
DROP INDEX IF EXISTS reminder_claim_expiry;

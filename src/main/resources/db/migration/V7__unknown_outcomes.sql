-- An attempt is recorded when the text is claimed, before the provider is called. When its outcome is unknown
-- (the connection broke after the request was written, or the node died mid-send), unknown_since keeps the time of
-- that attempt: before sending again, the dispatcher asks the provider whether it accepted the text since then.
ALTER TABLE reminder
    ADD COLUMN last_attempt_at TIMESTAMPTZ,
    ADD COLUMN unknown_since   TIMESTAMPTZ;

-- What clients text back. One row per Twilio MessageSid and clinic the reply was attributed to, so a webhook Twilio
-- retries stores nothing new; a reply no clinic can be named for keeps one row with no clinic, listed to none.
-- A reply is personal data: erasure empties its body and number (erased_at) and keeps the rest for the counts.
CREATE TABLE reply (
    id              UUID PRIMARY KEY,
    message_sid     TEXT        NOT NULL,
    clinic_id       UUID REFERENCES clinic (id),
    client_id       UUID REFERENCES client (id),
    -- The session whose aftercare was under way when the reply came; NULL when it was attributed otherwise.
    session_id      UUID REFERENCES treatment_session (id),
    from_phone      TEXT        NOT NULL,
    to_phone        TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    category        TEXT        NOT NULL CHECK (category IN ('URGENT', 'QUESTION', 'OTHER', 'KEYWORD')),
    -- OPT_OUT, OPT_IN or HELP for a KEYWORD reply.
    keyword         TEXT,
    -- Urgent replies list first.
    list_rank       SMALLINT GENERATED ALWAYS AS (CASE WHEN category = 'URGENT' THEN 0 ELSE 1 END) STORED,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolved_at     TIMESTAMPTZ,
    resolved_by     TEXT,
    resolution_note TEXT,
    erased_at       TIMESTAMPTZ,
    CONSTRAINT reply_keyword_only_for_keywords CHECK ((keyword IS NULL) = (category <> 'KEYWORD'))
);
-- No two rows of one message for one clinic; NULL clinics compare equal here (one unattributed row per message).
CREATE UNIQUE INDEX reply_message_clinic
    ON reply (message_sid, COALESCE(clinic_id, '00000000-0000-0000-0000-000000000000'));
-- The clinic's list: urgent first, then newest first, keyset-paginated on (list_rank, received_at, id).
CREATE INDEX reply_clinic_list ON reply (clinic_id, list_rank, received_at DESC, id DESC);
CREATE INDEX reply_client ON reply (client_id, received_at);

-- A clinic's own words that make a reply URGENT, beside the plan's vocabulary (plans/triage-terms.json).
CREATE TABLE triage_term (
    clinic_id  UUID        NOT NULL REFERENCES clinic (id),
    term       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, term)
);

-- Texts that follow no plan step: the clinic's own (MANUAL) and the safety answer to an urgent reply
-- (URGENT_ANSWER). They belong to a client, not a session, and come from no plan version when the clinic wrote them.
ALTER TABLE reminder
    ADD COLUMN kind              TEXT    NOT NULL DEFAULT 'PLAN' CHECK (kind IN ('PLAN', 'MANUAL', 'URGENT_ANSWER')),
    -- False for a text that answers a client who just wrote: it goes out even in the clinic's quiet hours.
    ADD COLUMN quiet_hours_apply BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN in_reply_to       UUID REFERENCES reply (id),
    ALTER COLUMN session_id DROP NOT NULL,
    ALTER COLUMN plan_version DROP NOT NULL,
    ADD CONSTRAINT reminder_plan_texts_have_a_session CHECK (kind <> 'PLAN' OR session_id IS NOT NULL);
-- At most one safety answer per client in a while: looked up under a lock on the client (reminder.OneOffTexts).
CREATE INDEX reminder_urgent_answer ON reminder (client_id, created_at) WHERE kind = 'URGENT_ANSWER';

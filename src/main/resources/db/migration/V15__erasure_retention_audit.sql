-- Erasure of a client (DELETE /v1/clients/{clientId}, and the retention purge): the rows stay, so that counts still
-- add up, but their name, number, rendered texts and error texts are removed. erased_at marks a client so erased; its
-- external_id becomes 'erased <row id>', which no post can name (posted ids hold no spaces).
ALTER TABLE client ADD COLUMN erased_at TIMESTAMPTZ;

-- Days after a client's last session ended before the retention purge erases them; NULL: the operator's default
-- (aftercare.retention.default-days).
ALTER TABLE clinic
    ADD COLUMN retention_days INT,
    ADD CONSTRAINT retention_days_range CHECK (retention_days BETWEEN 30 AND 3650);

-- A STOP is a legal instruction that outlives the client's erasure. opt_out.phone then holds 'erased:' and a keyed
-- hash (HMAC-SHA256) of the number instead of the number: a later post of the same number is still held, while the
-- row no longer says which number it is. The hash is keyed by aftercare.erasure.marker-secret when the operator set
-- one, otherwise by this installation secret (gen_random_uuid draws from PostgreSQL's strong random source).
CREATE TABLE opt_out_marker_key (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
INSERT INTO opt_out_marker_key (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Security-relevant actions: who (clinic:<id>, operator or system), when, what. Never secrets, numbers, names or texts.
-- No foreign key to clinic: the record must outlive whatever it is about.
CREATE TABLE audit_event (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    action    TEXT        NOT NULL,
    clinic_id UUID,
    subject   TEXT        NOT NULL,
    -- A small JSON object of counts and ids.
    details   TEXT        NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_clinic ON audit_event (clinic_id, id);

-- A number that replied STOP (or that Twilio reports unsubscribed, error 21610) gets no texts from the clinic
-- until it replies START. Keyed by number, not client: one person may be a client twice.
CREATE TABLE opt_out (
    clinic_id    UUID        NOT NULL REFERENCES clinic (id),
    phone        TEXT        NOT NULL,
    opted_out_at TIMESTAMPTZ NOT NULL,
    source       TEXT        NOT NULL,
    PRIMARY KEY (clinic_id, phone)
);

CREATE INDEX client_phone ON client (phone);

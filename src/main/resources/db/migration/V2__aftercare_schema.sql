-- Every row belongs to a clinic; every lookup from the API is scoped by clinic_id.

CREATE TABLE clinic (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    phone             TEXT,
    default_time_zone TEXT        NOT NULL,
    default_locale    TEXT        NOT NULL,
    default_region    TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);

-- Keys are random 256-bit tokens, so a plain SHA-256 digest is enough to store them safely
-- (slow password hashes protect low-entropy secrets, which these are not).
CREATE TABLE api_key (
    id         UUID PRIMARY KEY,
    clinic_id  UUID        NOT NULL REFERENCES clinic (id),
    prefix     TEXT        NOT NULL,
    sha256     TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_key_clinic ON api_key (clinic_id);

CREATE TABLE client (
    id          UUID PRIMARY KEY,
    clinic_id   UUID        NOT NULL REFERENCES clinic (id),
    external_id TEXT        NOT NULL,
    first_name  TEXT        NOT NULL,
    last_name   TEXT,
    phone       TEXT        NOT NULL,
    time_zone   TEXT        NOT NULL,
    locale      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT client_external_id UNIQUE (clinic_id, external_id)
);

CREATE TABLE treatment_session (
    id             UUID PRIMARY KEY,
    clinic_id      UUID        NOT NULL REFERENCES clinic (id),
    client_id      UUID        NOT NULL REFERENCES client (id),
    external_id    TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    session_number INT         NOT NULL,
    final_session  BOOLEAN     NOT NULL,
    ended_at       TIMESTAMPTZ NOT NULL,
    plan_version   TEXT        NOT NULL,
    -- SHA-256 of the normalised request: a repeated post is recognised as the same one.
    fingerprint    TEXT        NOT NULL,
    warnings       TEXT        NOT NULL DEFAULT '',
    status         TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    cancelled_at   TIMESTAMPTZ,
    CONSTRAINT session_external_id UNIQUE (clinic_id, external_id)
);
CREATE INDEX treatment_session_client ON treatment_session (client_id, ended_at);

CREATE TABLE reminder (
    id               UUID PRIMARY KEY,
    clinic_id        UUID        NOT NULL REFERENCES clinic (id),
    session_id       UUID        NOT NULL REFERENCES treatment_session (id),
    client_id        UUID        NOT NULL REFERENCES client (id),
    step             TEXT        NOT NULL,
    plan_version     TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    claimed_by       TEXT,
    claim_expires_at TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    provider_id      TEXT,
    error            TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
-- The dispatcher's work queue: only rows still waiting are indexed, so the index stays as
-- small as the backlog of due work, not the history of everything ever sent.
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'SCHEDULED';
CREATE INDEX reminder_claim_lease ON reminder (claim_expires_at) WHERE status = 'SENDING';
CREATE INDEX reminder_session ON reminder (session_id);
CREATE INDEX reminder_client ON reminder (client_id, due_at);

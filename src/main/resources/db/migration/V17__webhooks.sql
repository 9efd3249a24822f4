-- Outbound webhooks (Standard Webhooks): a clinic's endpoints, the events they subscribe to, and one delivery per
-- event and endpoint, claimed like texts (FOR UPDATE SKIP LOCKED, a lease, outcomes fenced by claimed_by and attempts).

CREATE TABLE webhook_endpoint (
    id                      UUID PRIMARY KEY,
    clinic_id               UUID        NOT NULL REFERENCES clinic (id),
    url                     TEXT        NOT NULL,
    events                  TEXT[]      NOT NULL,
    -- whsec_ + base64 key: needed in clear to sign, so never logged nor shown after creation or rotation.
    secret                  TEXT        NOT NULL,
    -- The secret before the last rotation, which still signs (a second signature) until previous_secret_until.
    previous_secret         TEXT,
    previous_secret_until   TIMESTAMPTZ,
    -- Consecutive failed attempts, and until when the endpoint is left alone after the last one: a dead endpoint
    -- gets one delivery tried at a time, not every pending one.
    failures                INT         NOT NULL DEFAULT 0,
    retry_after             TIMESTAMPTZ,
    disabled_at             TIMESTAMPTZ,
    disabled_reason         TEXT,
    -- Deleted endpoints stay (deliveries and attempts refer to them) but are neither listed nor delivered to.
    deleted_at              TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL
);
-- The observers' question on the texts' hot path: which live endpoints of these clinics subscribe to what.
CREATE INDEX webhook_endpoint_live_by_clinic ON webhook_endpoint (clinic_id)
    WHERE disabled_at IS NULL AND deleted_at IS NULL;

CREATE TABLE webhook_event (
    -- msg_ + a time-ordered id: the webhook-id header, the same on every attempt so receivers can de-duplicate.
    id         TEXT PRIMARY KEY,
    clinic_id  UUID        NOT NULL REFERENCES clinic (id),
    type       TEXT        NOT NULL,
    -- The exact body sent (JSON), so that every attempt sends and signs the same bytes.
    payload    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_event_created ON webhook_event (created_at);

CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    event_id         TEXT        NOT NULL REFERENCES webhook_event (id),
    endpoint_id      UUID        NOT NULL REFERENCES webhook_endpoint (id),
    status           TEXT        NOT NULL
        CHECK (status IN ('PENDING', 'DELIVERING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    -- Retries stop here: 24 h (aftercare.webhooks.give-up-after) after the event or after a retry by hand.
    give_up_at       TIMESTAMPTZ NOT NULL,
    claimed_by       TEXT,
    claim_expires_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
-- The claim: each endpoint's due deliveries, oldest first.
CREATE INDEX webhook_delivery_due ON webhook_delivery (endpoint_id, next_attempt_at) WHERE status = 'PENDING';
-- Leases to release, and the per-endpoint count of deliveries in flight.
CREATE INDEX webhook_delivery_in_flight ON webhook_delivery (endpoint_id, claim_expires_at)
    WHERE status = 'DELIVERING';
-- The clinic's listing of an endpoint's deliveries, newest first (ids are time-ordered).
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, id);

CREATE TABLE webhook_attempt (
    delivery_id UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempt     INT         NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    duration_ms INT         NOT NULL,
    -- The receiver's HTTP status, or why there was none (TIMEOUT, CONNECTION, FORBIDDEN_ADDRESS, INTERRUPTED...).
    status_code INT,
    error       TEXT,
    PRIMARY KEY (delivery_id, attempt)
);

-- People who sign in to the dashboard (io.aftercare.staff owns both tables). A clinic's STAFF and MANAGER users belong
-- to it; the operator's OPERATOR users belong to no clinic. The password hash (bcrypt) stays null until the user
-- accepts their invitation; failed_logins and locked_until live on the row so a lockout holds on every node.
CREATE TABLE staff_user (
    id            UUID PRIMARY KEY,
    clinic_id     UUID REFERENCES clinic (id) ON DELETE CASCADE,
    email         TEXT        NOT NULL CHECK (char_length(email) <= 254),
    display_name  TEXT        NOT NULL CHECK (char_length(display_name) <= 80),
    role          TEXT        NOT NULL CHECK (role IN ('STAFF', 'MANAGER', 'OPERATOR')),
    password_hash TEXT,
    failed_logins INT         NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ,
    -- Part of every session cookie's content: signing out counts it up, so the cookies issued before are void on
    -- every node (the cookie is stateless otherwise and would stay valid until its idle timeout).
    session_generation INT    NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK ((role = 'OPERATOR') = (clinic_id IS NULL))
);
-- One account per address, whatever its case.
CREATE UNIQUE INDEX staff_user_email ON staff_user (lower(email));
CREATE INDEX staff_user_clinic ON staff_user (clinic_id);

-- An invitation link sets the password once, within 72 hours; only the token's SHA-256 is stored.
CREATE TABLE staff_invitation (
    id         UUID PRIMARY KEY,
    staff_id   UUID        NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    token_hash TEXT        NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_invitation_staff ON staff_invitation (staff_id);

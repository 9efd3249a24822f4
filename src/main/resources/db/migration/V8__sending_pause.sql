-- Sending stops for a clinic whose texts hit an account-level error (credentials refused, account suspended), so
-- its queue is not burned through; an operator resumes it once the account is fixed.
CREATE TABLE sending_pause (
    clinic_id UUID PRIMARY KEY REFERENCES clinic (id),
    reason    TEXT        NOT NULL,
    paused_at TIMESTAMPTZ NOT NULL
);

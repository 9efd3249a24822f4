-- Quiet hours are client-local wall-clock times; both NULL means the clinic turned them off.
ALTER TABLE clinic
    ADD COLUMN quiet_hours_start TIME DEFAULT '21:00',
    ADD COLUMN quiet_hours_end   TIME DEFAULT '08:00',
    -- Keys of the plan's optional (long-term) steps the clinic switched on.
    ADD COLUMN optional_steps    TEXT[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT quiet_hours_both_or_neither CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL));

-- A clinic's own wording of a plan step, per language. Texts already scheduled keep the body they were
-- rendered with; an override only changes texts scheduled after it.
CREATE TABLE template_override (
    id         UUID PRIMARY KEY,
    clinic_id  UUID        NOT NULL REFERENCES clinic (id),
    step       TEXT        NOT NULL,
    language   TEXT        NOT NULL,
    template   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT template_override_step UNIQUE (clinic_id, step, language)
);

-- A key's label tells an operator what a key is for ("front desk PC"); last_used_at tells a live key from a forgotten
-- one. last_used_at is written at most once a minute per key (ApiKeys), never on every request.
ALTER TABLE api_key
    ADD COLUMN label        TEXT CHECK (char_length(label) <= 60),
    ADD COLUMN last_used_at TIMESTAMPTZ;

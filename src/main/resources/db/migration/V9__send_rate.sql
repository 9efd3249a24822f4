-- One row per sender (a Twilio number or messaging service): the next free sending slot, shared by every node,
-- so that the cluster as a whole never sends faster than the sender's messages-per-second allowance.
CREATE TABLE send_rate (
    sender    TEXT PRIMARY KEY,
    next_slot TIMESTAMPTZ NOT NULL
);

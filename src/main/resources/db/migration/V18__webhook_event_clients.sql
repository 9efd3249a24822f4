-- What a webhook event holds of clients, so that erasing a client reaches its events (webhook/WebhookErasure).
-- client_ids: the clients whose data the payload still holds (a reply's or text's client, an opt-out's clients); an
-- erasure takes its client out of the payload and out of this array. erased_at: set when the last one went, after
-- which the event is never delivered again.
ALTER TABLE webhook_event
    ADD COLUMN client_ids UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN erased_at  TIMESTAMPTZ;
CREATE INDEX webhook_event_by_client ON webhook_event USING gin (client_ids);

-- Events recorded before this migration: their clients are in their payload (data.clientId, data.clients[].clientId).
UPDATE webhook_event
SET client_ids = ARRAY(
        SELECT DISTINCT CAST(id AS uuid)
        FROM (SELECT CAST(payload AS jsonb) #>> '{data,clientId}' AS id
              UNION ALL
              SELECT client ->> 'clientId'
              FROM jsonb_array_elements(CAST(payload AS jsonb) #> '{data,clients}') AS client) AS ids
        WHERE id IS NOT NULL);

-- Issue 14: the client's aftercare page. Only the SHA-256 of a page's token is kept; the link itself is in the texts.
alter table treatment_session add column page_token_hash bytea;
alter table treatment_session add column next_session_at timestamptz;

create unique index treatment_session_page_token on treatment_session (page_token_hash)
    where page_token_hash is not null;

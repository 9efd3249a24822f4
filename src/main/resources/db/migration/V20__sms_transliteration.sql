-- Whether a clinic's texts are written in the GSM alphabet as far as it goes (Zoë → Zoe, ’ → '), so that one character
-- does not turn a text into UCS-2 and multiply its segments. On for every clinic unless it turns it off.
alter table clinic add column sms_transliteration boolean not null default true;

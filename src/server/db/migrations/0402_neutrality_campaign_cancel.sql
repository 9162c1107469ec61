-- Pledge campaigns can be cancelled (issue 7 leftover). A campaign that ASN have signed is a record of what each of
-- them pledged (ntr_pledge keeps the hash of the exact text), so it is never erased: it is closed with the date,
-- who cancelled it and why, and stays readable with its signatures. Only a campaign nobody signed can be deleted.
ALTER TABLE ntr_pledge_campaign ADD COLUMN cancelled_on date;
ALTER TABLE ntr_pledge_campaign ADD COLUMN cancelled_by uuid;
ALTER TABLE ntr_pledge_campaign ADD COLUMN cancel_reason text;
ALTER TABLE ntr_pledge_campaign ADD CONSTRAINT ntr_pledge_campaign_cancel_ck CHECK ((cancelled_on IS NULL) = (cancel_reason IS NULL));

-- A TOTP secret being enrolled waits here until its first code is confirmed: starting the set-up (moving to a new
-- phone) no longer switches off the factor in use, so an abandoned set-up leaves the account as protected as before.
ALTER TABLE app_user ADD COLUMN totp_pending_secret text;
ALTER TABLE platform_user ADD COLUMN totp_pending_secret text;

-- Daily jobs now run once per time zone (name@Asia/Jakarta, @Asia/Makassar, @Asia/Jayapura), each for the Pemdas
-- of its zone; the rows of the former single WIB jobs would never be claimed again.
DELETE FROM scheduled_job WHERE name IN ('attendance.daily_status', 'coordination.reminders', 'coordination.daily_digest', 'neutrality.daily_reminders');

-- att_day is derived data: recomputeDays writes rows only for pegawai it has just read from `pegawai` (and pegawai
-- are deactivated, never deleted). Its foreign key to pegawai checked every one of the ~220,000 rows a month of
-- 10,000 pegawai writes, about 40 % of the write time measured on PGlite (issue 5 §10): dropped.
ALTER TABLE att_day DROP CONSTRAINT IF EXISTS att_day_pemda_id_pegawai_id_fkey;

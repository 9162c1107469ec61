-- Holders of one position: the current holder of every jabatan (OPD page, vacancy list) and the
-- "is this position occupied" check of an assignment look holders up by position, not by pegawai.
CREATE INDEX jabatan_holder_jabatan_idx ON jabatan_holder (pemda_id, jabatan_id, start_date);

-- The territory page of a kecamatan or kelurahan (issue 9) lists the complaints located there, newest first:
-- without these, every page view scanned all of the Pemda's complaints.
CREATE INDEX complaint_kelurahan_idx ON complaint (pemda_id, kelurahan_kode, created_at DESC);
CREATE INDEX complaint_kecamatan_idx ON complaint (pemda_id, kecamatan_kode, created_at DESC);

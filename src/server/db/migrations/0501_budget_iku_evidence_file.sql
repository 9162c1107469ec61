-- An IKU quarter's evidence may be a stored file (a report PDF, a photo), besides the text and an optional link.
ALTER TABLE budget_iku_realisasi ADD COLUMN bukti_file text;
ALTER TABLE budget_iku_realisasi
  ADD CONSTRAINT budget_iku_realisasi_bukti_file_fk FOREIGN KEY (pemda_id, bukti_file) REFERENCES stored_file (pemda_id, sha256);

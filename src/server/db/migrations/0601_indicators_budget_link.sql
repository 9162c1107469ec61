-- Issue 9, second pass.
-- An intervention links to the budget module's sub-kegiatan record (not only its nomenclature code), so the
-- intervention shows that sub-kegiatan's pagu and realisation. Clearing the link when a sub-kegiatan row goes away
-- keeps the intervention.
ALTER TABLE intervention ADD COLUMN sub_kegiatan_id uuid;
ALTER TABLE intervention ADD CONSTRAINT intervention_sub_kegiatan_fk
  FOREIGN KEY (pemda_id, sub_kegiatan_id) REFERENCES budget_sub_kegiatan (pemda_id, id) ON DELETE SET NULL (sub_kegiatan_id);
CREATE INDEX intervention_sub_kegiatan_idx ON intervention (pemda_id, sub_kegiatan_id) WHERE sub_kegiatan_id IS NOT NULL;

-- The organisation a dataset is published under (CKAN organization, DCAT publisher), chosen by the walidata;
-- null means the indicator's producing OPD.
ALTER TABLE open_dataset ADD COLUMN organization_opd_id uuid;
ALTER TABLE open_dataset ADD CONSTRAINT open_dataset_organization_fk
  FOREIGN KEY (pemda_id, organization_opd_id) REFERENCES opd (pemda_id, id);

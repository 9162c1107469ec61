-- An IKU's starting point (kondisi awal, usually the year before the RPJMD period), entered with its targets in
-- the cascade editor. Nullable: cascades entered before this column have none until the planner fills it in.
ALTER TABLE budget_iku ADD COLUMN baseline numeric(18,4);

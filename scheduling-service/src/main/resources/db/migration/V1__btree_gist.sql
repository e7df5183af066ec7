-- Exclusion constraints over a doctor's appointment time ranges (no double booking) combine an
-- equality on the doctor with an overlap on the range; btree_gist provides the equality operator
-- class for GiST. It is a trusted extension: the database owner may create it.
create extension if not exists btree_gist;

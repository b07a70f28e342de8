-- Open data exports read every public row in a stable order, a batch at a time (keyset
-- pagination), and the asset export joins each asset's latest approved check. These partial
-- indexes keep each batch an index range scan, whatever the table's size.

-- Approved entries in time order: the entry export's keyset (created_at, id).
create index entries_approved_created_idx on public.entries (created_at, id)
  where status = 'approved';

-- The latest approved check of an asset, across campaigns.
create index entries_asset_latest_idx on public.entries (asset_id, created_at desc)
  where status = 'approved' and asset_id is not null;

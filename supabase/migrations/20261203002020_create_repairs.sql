-- The repair record: when the work was done, what it used, what it cost, the crew's hours,
-- and before/after photos. This is the data the city analyses later, so it is public (no
-- personal data in it) and written by staff only.

create table public.report_repairs (
  report_id uuid primary key references public.reports (id) on delete cascade,
  completed_on date not null,
  -- yen
  cost numeric(12, 0) check (cost >= 0),
  crew_hours numeric(7, 2) check (crew_hours >= 0),
  recorded_by uuid references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now()
);
comment on table public.report_repairs is 'How each report was repaired: date, cost (yen), crew hours.';
alter table public.report_repairs enable row level security;
create policy "repairs are public" on public.report_repairs
  for select to anon, authenticated using (true);

create table public.repair_materials (
  id bigint generated always as identity primary key,
  report_id uuid not null references public.report_repairs (report_id) on delete cascade,
  item text not null check (char_length(item) between 1 and 100),
  quantity numeric(12, 3) not null check (quantity > 0),
  unit text not null check (char_length(unit) between 1 and 20)
);
comment on table public.repair_materials is 'Materials a repair used: item, quantity, unit.';
create index repair_materials_report_idx on public.repair_materials (report_id);
alter table public.repair_materials enable row level security;
create policy "materials are public" on public.repair_materials
  for select to anon, authenticated using (true);

-- security definer: staff write the record only through here; recording it again replaces it.
-- materials: [{ "item": "アスファルト合材", "quantity": 2, "unit": "袋" }, …]
create or replace function public.record_repair(
  target uuid,
  completed date,
  total_cost numeric,
  hours numeric,
  materials jsonb default '[]',
  before_photos uuid[] default '{}',
  after_photos uuid[] default '{}'
)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := public.require_staff();
begin
  if not exists (select 1 from public.reports where id = target) then
    raise exception 'report_missing' using errcode = 'MQ607';
  end if;
  if completed is null or completed > (now() at time zone 'Asia/Tokyo')::date + 1 then
    raise exception 'invalid_repair_date' using errcode = 'MQ616';
  end if;
  if jsonb_typeof(coalesce(materials, '[]')) <> 'array' or exists (
    select 1 from jsonb_array_elements(coalesce(materials, '[]')) m
    where coalesce(char_length(btrim(m ->> 'item')), 0) = 0
      or coalesce(char_length(btrim(m ->> 'unit')), 0) = 0
      or jsonb_typeof(m -> 'quantity') <> 'number' or (m ->> 'quantity')::numeric <= 0
  ) then
    raise exception 'invalid_materials' using errcode = 'MQ617';
  end if;

  insert into public.report_repairs (report_id, completed_on, cost, crew_hours, recorded_by)
  values (target, completed, total_cost, hours, me)
  on conflict (report_id) do update set completed_on = excluded.completed_on, cost = excluded.cost,
    crew_hours = excluded.crew_hours, recorded_by = excluded.recorded_by, recorded_at = now();
  delete from public.repair_materials where report_id = target;
  insert into public.repair_materials (report_id, item, quantity, unit)
  select target, btrim(m ->> 'item'), (m ->> 'quantity')::numeric, btrim(m ->> 'unit')
  from jsonb_array_elements(coalesce(materials, '[]')) m;

  if coalesce(cardinality(before_photos), 0) > 0 then
    perform public.attach_report_photos(me, target, before_photos, 'before');
  end if;
  if coalesce(cardinality(after_photos), 0) > 0 then
    perform public.attach_report_photos(me, target, after_photos, 'after');
  end if;
  insert into public.report_updates (report_id, author_id, kind, internal)
  values (target, me, 'repair', false);
end
$$;
comment on function public.record_repair is 'Staff record (or correct) the repair of a report: date, cost, hours, materials, photos.';

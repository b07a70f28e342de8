-- An asset check needs the inventory layer it checks (campaigns_asset_check_has_layer), which a
-- citizen's proposal cannot know: the organiser chooses it when accepting. accept_proposal takes
-- the layer as a second argument, required for asset-check proposals and ignored otherwise.
-- (campaigns.asset_layer_id comes with the asset-check migration; PL/pgSQL resolves columns when
-- the function first runs, after all migrations are in.)

drop function public.accept_proposal(uuid);

-- security definer: accepting writes a ledger line for the proposer, which no one may insert
-- directly, and must happen once: the proposal's row lock and status check see to that.
create or replace function public.accept_proposal(target uuid, layer bigint default null)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  p public.proposals;
  made uuid;
  -- with no suggested period: from 09:00 in 14 days to 18:00 fourteen days later, Chiba time
  today date := (now() at time zone 'Asia/Tokyo')::date;
  starts timestamptz;
  ends timestamptz;
begin
  if not public.has_role('organiser') then
    raise exception 'proposal_not_allowed' using errcode = 'MQ403';
  end if;

  select * into p from public.proposals where id = target for update;
  if p.id is null then
    raise exception 'proposal_not_found' using errcode = 'MQ400';
  end if;
  if p.status <> 'open' then
    raise exception 'proposal_not_open' using errcode = 'MQ401';
  end if;
  if p.kind = 'asset_check'
    and (layer is null or not exists (select 1 from public.asset_layers l where l.id = layer)) then
    raise exception 'proposal_layer_required' using errcode = 'MQ408';
  end if;

  starts := (coalesce(p.starts_on, today + 14) + time '09:00') at time zone 'Asia/Tokyo';
  ends := (coalesce(p.ends_on, today + 28) + time '18:00') at time zone 'Asia/Tokyo';

  insert into public.campaigns (kind, title, description, starts_at, ends_at, published_at,
    created_by, proposal_id, asset_layer_id)
  values (p.kind, p.title, p.description, starts, ends, null, auth.uid(), p.id,
    case when p.kind = 'asset_check' then layer end)
  returning id into made;

  insert into public.campaign_areas (campaign_id, area_id)
  select made, a.id from public.areas a where a.kind = 'ward' and a.code = any (p.ward_codes);

  -- The proposer's credit: not tied to the campaign, so it counts whatever becomes of it.
  insert into public.point_events (user_id, campaign_id, points, reason)
  values (p.author_id, null, 50, 'proposal_accepted');

  update public.proposals
  set status = 'accepted', campaign_id = made, decided_by = auth.uid(), decided_at = now()
  where id = target;
  return made;
end
$$;
comment on function public.accept_proposal is 'Turns an open proposal into a draft campaign (an asset check on the given layer) and credits its proposer, once. Returns the campaign id.';

-- app.human_interval(span): a short readable duration for explanations: '45 min', '2 h',
-- '3 d 4 h'. Called by: app.unit_finals (reasons), api.assignment_page. Security: invoker.
-- Raises nothing.
create or replace function app.human_interval(span interval)
returns text
language sql
immutable
parallel safe
as $$
  -- integer::text, not integer || text (a stable operator): an immutable body is inlined
  select case
    when span < interval '1 hour' then ceil(extract(epoch from span) / 60)::integer::text || ' min'
    when span < interval '1 day' then floor(extract(epoch from span) / 3600)::integer::text || ' h'
    else floor(extract(epoch from span) / 86400)::integer::text || ' d'
      || coalesce(nullif(' ' || floor(mod(extract(epoch from span), 86400) / 3600)::integer::text || ' h', ' 0 h'), '')
  end
$$;

revoke all on function app.human_interval(interval) from public;
grant execute on function app.human_interval(interval) to ok_api;

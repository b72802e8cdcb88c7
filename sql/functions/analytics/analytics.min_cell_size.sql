-- analytics.min_cell_size(): the smallest count a per-section or per-group figure may show
-- (k-anonymity), said once: the setting analytics_min_cell in auth.settings (default 5; an
-- admin changes it on the admin Analytics page, api.set_analytics_min_cell), at least 1.
-- Called by: analytics.enrollment_by_section, analytics.section_scores, analytics.snapshot
-- (their refresh). Security: invoker (the snapshots' owner reads this setting through its
-- policy); granted to no login. Raises nothing.
create or replace function analytics.min_cell_size()
returns integer
language sql
stable
as $$
  select greatest(1, coalesce((
    select s.value::integer from auth.settings as s
    where s.name = 'analytics_min_cell' and s.value ~ '^[0-9]{1,4}$'
  ), 5))
$$;

revoke all on function analytics.min_cell_size() from public;
comment on function analytics.min_cell_size() is
'The smallest count a per-section or per-group analytics figure may show (k-anonymity).';

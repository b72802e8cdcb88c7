-- app.score_distributions(unit_scores): how scores spread, said once for the scores and stats
-- pages: per kind, ten equal bins from the lowest to the highest score (the highest in the
-- last; every score in the first when they are all the same), as
-- [{"kind", "labels": [each bin's lowest score], "counts": [units per bin]}], by kind.
-- unit_scores: one {"<kind>": value} object per unit (its members' shared best).
-- Called by: api.scores_page, api.assignment_stats. Security: invoker (pure). Raises nothing.
create or replace function app.score_distributions(unit_scores jsonb[])
returns jsonb
language sql
immutable
parallel safe
as $$
  with values_by_kind as (
    select k.kind, k.value::numeric as value
    from unnest(score_distributions.unit_scores) as u (scores)
    cross join lateral jsonb_each_text(u.scores) as k (kind, value)
  ),
  bounds as (
    select v.kind, min(v.value) as lo, max(v.value) as hi from values_by_kind as v group by v.kind
  ),
  bin_counts as (
    select v.kind, case when b.hi = b.lo then 1 else least(width_bucket(v.value, b.lo, b.hi, 10), 10) end as bin,
      count(*) as units
    from values_by_kind as v inner join bounds as b on v.kind = b.kind
    group by 1, 2
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'kind', b.kind,
    'labels', (select jsonb_agg(trim_scale(round(b.lo + (b.hi - b.lo) * (n - 1) / 10, 1))::text order by n)
               from generate_series(1, 10) as n),
    'counts', (select jsonb_agg(coalesce(c.units, 0) order by n)
               from generate_series(1, 10) as n
               left join bin_counts as c on c.kind = b.kind and c.bin = n)
  ) order by b.kind), '[]'::jsonb)
  from bounds as b
$$;

revoke all on function app.score_distributions(jsonb[]) from public;
grant execute on function app.score_distributions(jsonb[]) to ok_api;

-- analytics.score_distribution: how an assignment's scores of each kind are spread: count,
-- mean, quartiles, min and max of active scores. Read by: Metabase and
-- researchers (ok_analytics); sql/questions/03_score_distribution.sql.
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, refreshed by
-- analytics.refresh_snapshots with the owner's rights (its select-only policies).
create materialized view analytics.score_distribution as
select
  a.course_id,
  a.id as assignment_id,
  a.name as assignment,
  s.kind,
  count(*) as scores,
  avg(s.value) as mean,
  min(s.value) as minimum,
  percentile_cont(0.25) within group (order by s.value) as p25,
  percentile_cont(0.5) within group (order by s.value) as median,
  percentile_cont(0.75) within group (order by s.value) as p75,
  max(s.value) as maximum
from app.scores as s
inner join app.assignments as a on s.assignment_id = a.id
where not s.archived
group by a.course_id, a.id, a.name, s.kind;

create unique index score_distribution_key_idx on analytics.score_distribution (assignment_id, kind);
create index score_distribution_course_idx on analytics.score_distribution (course_id);

grant select on analytics.score_distribution to ok_analytics;
comment on materialized view analytics.score_distribution is 'Spread of active scores per assignment and kind.';
comment on column analytics.score_distribution.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.score_distribution.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.score_distribution.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.score_distribution.kind is 'The kind of score (total, composition, checkpoint 1, ...), lower case.';
comment on column analytics.score_distribution.scores is 'Active (not archived) scores of that kind.';
comment on column analytics.score_distribution.mean is 'Their mean.';
comment on column analytics.score_distribution.minimum is 'The lowest.';
comment on column analytics.score_distribution.p25 is 'The 25th percentile (continuous).';
comment on column analytics.score_distribution.median is 'The median (continuous).';
comment on column analytics.score_distribution.p75 is 'The 75th percentile (continuous).';
comment on column analytics.score_distribution.maximum is 'The highest.';

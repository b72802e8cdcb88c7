-- analytics.section_scores: how each section scored on each assignment and kind of score: the
-- students with an active score, their mean and median. A cell with fewer students than
-- analytics.min_cell_size() (k-anonymity, default 5) shows no figures (suppressed).
-- Read by: Metabase and researchers (ok_analytics).
-- Security: a snapshot owned by ok_analytics_owner, refreshed by analytics.refresh_snapshots.
-- requires: analytics.min_cell_size.sql
create materialized view analytics.section_scores as
select
  s.course_id,
  s.assignment_id,
  coalesce(nullif(btrim(e.section), ''), '(none)') as section,
  s.kind,
  case when count(distinct s.user_id) >= analytics.min_cell_size() then count(distinct s.user_id) end as students,
  case when count(distinct s.user_id) >= analytics.min_cell_size() then round(avg(s.value), 2) end as mean,
  case when count(distinct s.user_id) >= analytics.min_cell_size()
      then percentile_cont(0.5) within group (order by s.value)
  end as median,
  count(distinct s.user_id) < analytics.min_cell_size() as suppressed
from app.scores as s
inner join app.enrollments as e on s.user_id = e.user_id and s.course_id = e.course_id and e.role = 'student'
where not s.archived
group by s.course_id, s.assignment_id, coalesce(nullif(btrim(e.section), ''), '(none)'), s.kind;

create unique index section_scores_key_idx on analytics.section_scores (assignment_id, section, kind);
create index section_scores_course_idx on analytics.section_scores (course_id);

grant select on analytics.section_scores to ok_analytics;
comment on materialized view analytics.section_scores is
'Per section, assignment and kind of score: students, mean and median; small cells suppressed.';
comment on column analytics.section_scores.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.section_scores.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.section_scores.section is 'The section as the roster names it; (none) when it names none.';
comment on column analytics.section_scores.kind is 'The kind of score, lower case.';
comment on column analytics.section_scores.students is 'Students of the section with an active score of that kind; null when fewer than the minimum cell size.';
comment on column analytics.section_scores.mean is 'Their mean score (null when suppressed).';
comment on column analytics.section_scores.median is 'Their median score (null when suppressed).';
comment on column analytics.section_scores.suppressed is 'Whether the figures are suppressed because the cell is below the minimum cell size.';

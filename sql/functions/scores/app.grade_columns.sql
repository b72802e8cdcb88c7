-- app.grade_columns(course_id): the columns of the course's grades, in order: for each
-- assignment with published score kinds (oldest first), the okpy/ok export's types, then any
-- other published kind under its own name:
--   total         when effort, total or regrade is published: the best of the three
--   composition   when published: the best composition, or revision when revision is published
--   revision, checkpoint 1, checkpoint 2   each when published
--   <other kind>  each other published kind (e.g. correctness), alphabetically
-- in_total says whether the column adds to a student's course total (a published revision
-- already counts through composition, so it does not count twice).
-- The one definition of "what is a grade column" behind the gradebook page and the grades
-- CSV (app.grade_cells gives the values).
-- Called by: app.grade_cells, api.gradebook, api.v3_course_grades_get.
-- Security: invoker. Raises nothing.
create or replace function app.grade_columns(course_id bigint)
returns table (
  col integer, assignment_id bigint, assignment_name text, display_name text, type text, title text,
  source_kinds text[], in_total boolean
)
language sql
stable
as $$
  with published as (
    select a.id, a.name, a.display_name, a.published_score_kinds as kinds, a.created_at
    from app.assignments as a
    where a.course_id = grade_columns.course_id and cardinality(a.published_score_kinds) > 0
  ),
  types as (
    select p.*, t.type, t.ord,
      case t.type
        when 'total' then array['effort', 'total', 'regrade']
        when 'composition' then case when 'revision' = any(p.kinds) then array['composition', 'revision']
                                     else array['composition'] end
        else array[t.type]
      end as source_kinds
    from published as p
    cross join lateral (
      select v.type, v.ord
      from (values ('total', 1), ('composition', 2), ('revision', 3), ('checkpoint 1', 4), ('checkpoint 2', 5))
        as v (type, ord)
      where case when v.type = 'total' then p.kinds && array['effort', 'total', 'regrade'] else v.type = any(p.kinds) end
      union all
      select k.kind, 6
      from unnest(p.kinds) as k (kind)
      where k.kind not in ('effort', 'total', 'regrade', 'composition', 'revision', 'checkpoint 1', 'checkpoint 2')
    ) as t
  )
  select
    (row_number() over (order by t.created_at, t.id, t.ord, t.type))::integer,
    t.id, t.name, t.display_name, t.type,
    format('%s (%s)', t.display_name, initcap(t.type)),
    t.source_kinds,
    not (t.type = 'revision' and 'composition' = any(t.kinds))
  from types as t
$$;

revoke all on function app.grade_columns(bigint) from public;
grant execute on function app.grade_columns(bigint) to ok_api;

-- api.v3_course_grades_get(): GET /api/v3/course/<offering>/grades and .../export/grades:
-- the gradebook as CSV, okpy/ok's format: Email, SID, then for each assignment with
-- published score kinds one column per type, titled "<display name> (<Type>)":
--   total        if effort, total or regrade is published: the best of the three
--   composition  if published: the best composition, or revision when revision is published
--   revision, checkpoint 1, checkpoint 2  each if published
-- Values are the best active score of that kind among the student and their current group;
-- missing values are 0. One set-based query for the whole course.
-- Security: definer, after app.v3_course_access(). Answers 401/403/404 from it.
-- requires: app.v3_course_access.sql, app.csv_field.sql, app.best_scores.sql
create or replace function api.v3_course_grades_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  access jsonb := app.v3_course_access();
  grade_course_id bigint;
  csv text;
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  grade_course_id := (access ->> 'course_id')::bigint;
  with published as (
    select a.id, a.display_name, a.published_score_kinds as kinds, a.created_at
    from app.assignments as a
    where a.course_id = grade_course_id and cardinality(a.published_score_kinds) > 0
  ),
  columns as (
    select p.id as assignment_id, t.type, p.kinds,
           format('%s (%s)', p.display_name, initcap(t.type)) as title,
           row_number() over (order by p.created_at, p.id, t.ord) as col
    from published as p
    cross join (values ('total', 1), ('composition', 2), ('revision', 3), ('checkpoint 1', 4), ('checkpoint 2', 5))
      as t (type, ord)
    where case when t.type = 'total' then p.kinds && array['effort', 'total', 'regrade'] else t.type = any(p.kinds) end
  ),
  students as (
    select u.id, u.email::text as email, e.sid
    from app.enrollments as e
    inner join app.users as u on e.user_id = u.id
    where e.course_id = grade_course_id and e.role = 'student'
  ),
  best as (
    select b.student_id, b.assignment_id, b.kind, b.value
    from app.best_scores(grade_course_id) as b
  ),
  cells as (
    select s.id as student_id, c.col,
      coalesce(max(b.value) filter (
        where (c.type = 'total' and b.kind in ('effort', 'total', 'regrade'))
           or (c.type = 'composition'
               and (b.kind = 'composition' or (b.kind = 'revision' and 'revision' = any(c.kinds))))
           or (c.type not in ('total', 'composition') and b.kind = c.type)
      ), 0) as value
    from students as s
    cross join columns as c
    left join best as b on b.student_id = s.id and b.assignment_id = c.assignment_id
    group by s.id, c.col
  ),
  rows_out as (
    select cl.student_id, string_agg(trim_scale(cl.value)::text, ',' order by cl.col) as line
    from cells as cl
    group by cl.student_id
  )
  select
    concat_ws(',', 'Email', 'SID', (select string_agg(app.csv_field(c.title), ',' order by c.col) from columns as c))
    || E'\r\n'
    || coalesce((
      select string_agg(concat_ws(',', app.csv_field(s.email), app.csv_field(s.sid), r.line) || E'\r\n', ''
                        order by s.email)
      from students as s
      left join rows_out as r on r.student_id = s.id
    ), '')
  into csv;
  return app.v3_reply(200, jsonb_build_object('requester', access ->> 'requester', 'grades', csv));
end;
$$;

revoke all on function api.v3_course_grades_get() from public;
grant execute on function api.v3_course_grades_get() to ok_anon, ok_user;
comment on function api.v3_course_grades_get() is
'GET /api/v3/course/<offering>/[export/]grades: the gradebook as CSV (staff or export token).';

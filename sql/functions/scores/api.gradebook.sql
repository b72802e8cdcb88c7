-- api.gradebook(offering, section): the course gradebook in one query, for its staff and
-- admins:
--   {"columns": [{"title", "assignment", "type", "in_total"}, ...],
--    "section": the filter (null: every student), "sections": the students' sections,
--    "students": [{"email", "sid", "section", "cells": [value per column], "total"}, ...]}
-- Columns, values and totals are exactly the grades CSV's (app.grade_columns, app.grade_cells:
-- group members share the best active score of each kind; missing values are 0; total adds
-- the columns marked in_total). Students are ordered by email.
-- Built as json and cast to jsonb once: cheaper than 2,000 jsonb objects merged one by one.
-- Called by: the staff gradebook page. Security: definer, for staff of the course and admins
-- only (app.require_staff): it reads the whole course's groups and scores in one pass instead
-- of per-student RLS checks. Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql
-- requires: app.grade_cells.sql
create or replace function api.gradebook(offering text, section text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with course as (
    select app.require_staff(gradebook.offering, 'course') as id
  ),
  columns as (
    select gc.* from course as c cross join lateral app.grade_columns(c.id) as gc
  ),
  cells as (
    select g.* from course as c cross join lateral app.grade_cells(c.id) as g
  )
  select json_build_object(
    'columns', coalesce((
      select json_agg(json_build_object(
        'title', cl.title, 'assignment', cl.assignment_name, 'type', cl.type, 'in_total', cl.in_total
      ) order by cl.col)
      from columns as cl
    ), '[]'::json),
    'section', gradebook.section,
    'sections', coalesce((
      select json_agg(distinct e.section order by e.section)
      from course as c inner join app.enrollments as e on e.course_id = c.id
      where e.role = 'student' and e.section is not null
    ), '[]'::json),
    'students', coalesce((
      select json_agg(json_build_object(
        'email', u.email, 'sid', e.sid, 'section', e.section,
        'cells', coalesce(g.cells, '{}'), 'total', coalesce(g.total, 0)
      ) order by u.email)
      from course as c
      inner join app.enrollments as e on e.course_id = c.id and e.role = 'student'
        and (gradebook.section is null or e.section = gradebook.section)
      inner join app.users as u on e.user_id = u.id
      left join cells as g on g.student_id = u.id
    ), '[]'::json)
  )::jsonb
  from course
$$;

revoke all on function api.gradebook(text, text) from public;
grant execute on function api.gradebook(text, text) to ok_user;
comment on function api.gradebook(text, text) is
'The course gradebook (staff): the grades CSV''s columns and values per student, and a total.';

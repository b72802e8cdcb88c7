-- api.gradebook(offering): the course gradebook in one query: one row per student, with
-- {"<assignment name>": {"<published kind>": best score}} and the total of those values. The
-- best score per kind counts every member of the student's current group (active scores only).
-- Security: definer, for staff of the course and admins only (others get no rows): it reads
-- the whole course's groups and scores in one pass instead of per-student RLS checks.
-- Raises nothing.
-- requires: app.best_scores.sql
create or replace function api.gradebook(offering text)
returns table (email text, sid text, section text, scores jsonb, total numeric)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with course as (
    select c.id from app.courses as c
    where c.offering = gradebook.offering
      and (auth.is_admin() or c.id = any(auth.course_ids('reader', 'ta', 'instructor')))
  ),
  published as (
    select a.id, a.name, a.published_score_kinds as kinds
    from course as c inner join app.assignments as a on a.course_id = c.id
    where cardinality(a.published_score_kinds) > 0
  ),
  students as (
    select u.id, u.email, e.sid, e.section
    from course as c
    inner join app.enrollments as e on e.course_id = c.id and e.role = 'student'
    inner join app.users as u on e.user_id = u.id
  ),
  best as (
    select b.student_id, p.name, b.kind, b.value
    from course as c
    cross join lateral app.best_scores(c.id) as b
    inner join published as p on b.assignment_id = p.id and b.kind = any(p.kinds)
  ),
  per_assignment as (
    select b.student_id, b.name, jsonb_object_agg(b.kind, b.value) as kinds, sum(b.value) as subtotal
    from best as b
    group by b.student_id, b.name
  ),
  per_student as (
    select p.student_id, jsonb_object_agg(p.name, p.kinds) as scores, sum(p.subtotal) as total
    from per_assignment as p
    group by p.student_id
  )
  select s.email, s.sid, s.section, coalesce(ps.scores, '{}'), coalesce(ps.total, 0)
  from students as s
  left join per_student as ps on ps.student_id = s.id
  order by s.email
$$;

revoke all on function api.gradebook(text) from public;
grant execute on function api.gradebook(text) to ok_user;
comment on function api.gradebook(text) is 'The course gradebook: published scores per student and total (staff).';

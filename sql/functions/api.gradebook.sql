-- api.gradebook(offering): the course gradebook in one query: one row per student, with
-- {"<assignment name>": {"<published kind>": best score}} and the total of those values. The
-- best score per kind counts every member of the student's current group (active scores only).
-- Security: definer, for staff of the course and admins only (others get no rows): it reads
-- the whole course's groups and scores in one pass instead of per-student RLS checks.
-- Raises nothing.
create or replace function api.gradebook(offering text)
returns table (email text, sid text, section text, scores jsonb, total numeric)
language sql
stable
security definer
set search_path = ''
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
  owners as (
    select s.id as student_id, p.id as assignment_id, coalesce(mates.user_id, s.id) as owner_id
    from students as s
    cross join published as p
    left join app.group_members as mine on mine.assignment_id = p.id and mine.user_id = s.id and mine.status = 'active'
    left join app.group_members as mates on mates.group_id = mine.group_id and mates.status = 'active'
  ),
  best as (
    select o.student_id, p.name, sc.kind, max(sc.value) as value
    from owners as o
    inner join published as p on o.assignment_id = p.id
    inner join app.scores as sc
      on sc.assignment_id = o.assignment_id and sc.user_id = o.owner_id and not sc.archived and sc.kind = any(p.kinds)
    group by o.student_id, p.name, sc.kind
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

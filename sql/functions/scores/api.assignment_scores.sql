-- api.assignment_scores(assignment): the score table of an assignment for staff: one row per
-- student (every enrolled student, scored or not), with SID, section, the key of the backup
-- that counts and the best active score per kind across the student's current group (all
-- kinds, published or not). One set-based query.
-- Security: definer as ok_api (the caller's RLS applies); staff of the course (RLS gives students their own rows only).
-- requires: app.unit_finals.sql
create or replace function api.assignment_scores(assignment text)
returns table (email text, sid text, section text, backup_key text, scores jsonb)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with target as (select a.* from app.assignments as a where a.name = assignment_scores.assignment),
  students as (
    select u.id, u.email, e.sid, e.section
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
    inner join app.users as u on e.user_id = u.id
  ),
  finals as (select f.* from target as t cross join lateral app.unit_finals(t.id) as f),
  owners as (
    select s.id as student_id, m.member_id
    from students as s
    left join finals as f on s.id = any(f.member_ids)
    cross join lateral unnest(coalesce(f.member_ids, array[s.id])) as m (member_id)
  ),
  best as (
    select o.student_id, sc.kind, max(sc.value) as value
    from owners as o
    cross join target as t
    inner join app.scores as sc on sc.assignment_id = t.id and sc.user_id = o.member_id and not sc.archived
    group by o.student_id, sc.kind
  )
  select s.email, s.sid, s.section, app.hashid_encode(f.backup_id),
         coalesce((select jsonb_object_agg(b.kind, b.value) from best as b where b.student_id = s.id), '{}')
  from students as s
  left join finals as f on s.id = any(f.member_ids)
  order by s.email
$$;

revoke all on function api.assignment_scores(text) from public;
alter function api.assignment_scores(text) owner to ok_api;
grant execute on function api.assignment_scores(text) to ok_user;
comment on function api.assignment_scores(text) is 'Best score per kind for every student of an assignment (staff).';

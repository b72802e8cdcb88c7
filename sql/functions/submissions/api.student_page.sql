-- api.student_page(offering, email): one student of a course, for its staff, in one call:
--   {"offering", "display_name", "timezone", "student": {"email", "name", "sid", "section",
--    "role"},
--    "assignments": [{"name", "display_name", "due_at", "visible", "effective_due" (with the
--      group's extensions), "extended", "final_key", "is_submission", "late_by", "reason"
--      (app.unit_finals for the student: the rule every page reads), "group": [the other
--      members' emails], "backups": how many the student sent, "scores": [{"kind", "score",
--      "published"}] the active scores on the backup that counts}],
--    "timeline": [{"key", "assignment", "created_at", "submit", "passed", "failed" (the
--      grading message's test counts), "questions" (the analytics message's questions
--      attempted), "added", "removed" (lines, against the student's previous backup of the
--      same assignment: multiset difference of the files' lines)}] the student's latest 300
--      backups, oldest first,
--    "chart": {"labels", "passed", "changed"} the timeline as the page's Chart.js chart draws it}
-- Called by: GET /staff/<offering>/students/<email> (linked from the roster, the scores page
-- and the grading view). Security: definer (ok_owner), after app.require_staff: the course's
-- staff and admins see every backup and score of the course.
-- Raises: PT401, PT403, PT404 (app.require_staff); PT404 not enrolled in the course.
-- requires: app.require_staff.sql, app.unit_finals.sql, app.hashid_encode.sql
-- requires: app.human_interval.sql, app.course_role_label.sql, app.backup_files.sql
create or replace function api.student_page(offering text, email text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(student_page.offering, 'course');
  student bigint;
begin
  select e.user_id into student
  from app.enrollments as e inner join app.users as u on e.user_id = u.id
  where e.course_id = allowed_course and lower(u.email) = lower(btrim(coalesce(student_page.email, '')));
  if student is null then
    raise sqlstate 'PT404' using message = format('%s is not enrolled in %s', coalesce(student_page.email, '(no email)'), offering);
  end if;
  return (
    with recent as materialized (
      select b.id, b.assignment_id, b.created_at, b.submit,
        lag(b.id) over (partition by b.assignment_id order by b.created_at, b.id) as previous_id
      from (
        select x.* from app.backups as x
        where x.course_id = allowed_course and x.submitter_id = student
        order by x.created_at desc, x.id desc limit 300
      ) as b
    ),
    timeline as (
      select r.*, a.name as assignment,
        (select sum((t.value ->> 'passed')::numeric) from app.messages as m
         cross join lateral jsonb_each(case when jsonb_typeof(m.contents) = 'object' then m.contents else '{}' end) as t
         where m.backup_id = r.id and m.kind = 'grading' and jsonb_typeof(t.value) = 'object'
           and (t.value ->> 'passed') ~ '^[0-9]+$') as passed,
        (select sum((t.value ->> 'failed')::numeric) from app.messages as m
         cross join lateral jsonb_each(case when jsonb_typeof(m.contents) = 'object' then m.contents else '{}' end) as t
         where m.backup_id = r.id and m.kind = 'grading' and jsonb_typeof(t.value) = 'object'
           and (t.value ->> 'failed') ~ '^[0-9]+$') as failed,
        (select count(*) from app.messages as m
         cross join lateral jsonb_object_keys(case when jsonb_typeof(m.contents #> '{history,questions}') = 'object'
           then m.contents #> '{history,questions}' else '{}' end) as q
         where m.backup_id = r.id and m.kind = 'analytics') as questions,
        (select count(*) from (
          select unnest(string_to_array(f.contents, E'\n')) from app.backup_files(r.id) as f
          except all
          select unnest(string_to_array(p.contents, E'\n')) from app.backup_files(r.previous_id) as p
        ) as added) as added,
        (select count(*) from (
          select unnest(string_to_array(p.contents, E'\n')) from app.backup_files(r.previous_id) as p
          except all
          select unnest(string_to_array(f.contents, E'\n')) from app.backup_files(r.id) as f
        ) as removed) as removed
      from recent as r inner join app.assignments as a on r.assignment_id = a.id
    )
    select jsonb_build_object(
      'offering', c.offering, 'display_name', c.display_name, 'timezone', c.timezone,
      'student', (
        select jsonb_build_object('email', u.email, 'name', u.name, 'sid', e.sid, 'section', e.section,
                                  'role', app.course_role_label(e.role))
        from app.users as u inner join app.enrollments as e on u.id = e.user_id and e.course_id = allowed_course
        where u.id = student
      ),
      'assignments', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', a.name, 'display_name', a.display_name, 'due_at', a.due_at, 'visible', a.visible,
          'effective_due', f.effective_due, 'extended', f.effective_due > a.due_at,
          'final_key', app.hashid_encode(f.backup_id), 'is_submission', f.is_submission,
          'late_by', app.human_interval(f.late_by), 'reason', f.reason,
          'group', (select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb) from app.users as u
                    where u.id = any(f.member_ids) and u.id <> student),
          'backups', (select count(*) from app.backups as b where b.assignment_id = a.id and b.submitter_id = student),
          'scores', (select coalesce(jsonb_agg(jsonb_build_object(
              'kind', s.kind, 'score', s.value, 'published', s.kind = any(a.published_score_kinds)) order by s.kind), '[]'::jsonb)
            from app.scores as s where s.backup_id = f.backup_id and not s.archived)
        ) order by a.due_at, a.name)
        from app.assignments as a
        left join lateral app.unit_finals(a.id, student) as f on student = any(f.member_ids)
        where a.course_id = allowed_course
      ), '[]'::jsonb),
      'timeline', coalesce((
        select jsonb_agg(jsonb_build_object(
          'key', app.hashid_encode(t.id), 'assignment', t.assignment, 'created_at', t.created_at, 'submit', t.submit,
          'passed', t.passed, 'failed', t.failed, 'questions', t.questions, 'added', t.added, 'removed', t.removed
        ) order by t.created_at, t.id) from timeline as t
      ), '[]'::jsonb),
      'chart', (
        select jsonb_build_object(
          'labels', coalesce(jsonb_agg(to_char(t.created_at at time zone c.timezone, 'Mon DD HH24:MI') order by t.created_at, t.id), '[]'),
          'passed', coalesce(jsonb_agg(coalesce(t.passed, 0) order by t.created_at, t.id), '[]'),
          'changed', coalesce(jsonb_agg(t.added + t.removed order by t.created_at, t.id), '[]')
        ) from timeline as t
      )
    )
    from app.courses as c where c.id = allowed_course
  );
end;
$$;

revoke all on function api.student_page(text, text) from public;
grant execute on function api.student_page(text, text) to ok_user;
comment on function api.student_page(text, text) is
'A student of a course for its staff: every assignment''s final submission, lateness, group and scores, and a timeline.';

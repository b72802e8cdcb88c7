-- app.final_submission_ids(assignment_id): for every student of the course (per current
-- group, so a pair counts once), the backup that will be graded: the flagged submission,
-- else the newest submission, else the newest backup; students with no backup are left out.
-- Ordered by backup id. One set-based query for the whole assignment.
-- Called by: api.v3_submissions_get. Security: invoker (only staff see every row).
-- plpgsql rather than SQL on purpose: its query plans are re-made when the request role
-- changes; a SQL function's plan cached inside a caller's expression is not.
-- Raises nothing.
create or replace function app.final_submission_ids(assignment_id bigint)
returns bigint[]
language plpgsql
stable
as $$
begin
  return (
    with target as (
      select a.id, a.course_id from app.assignments as a where a.id = final_submission_ids.assignment_id
    ),
    units as (
      select coalesce('g' || gm.group_id, 'u' || e.user_id) as unit, coalesce(mates.user_id, e.user_id) as user_id
      from target as t
      inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
      left join app.group_members as gm on gm.assignment_id = t.id and gm.user_id = e.user_id and gm.status = 'active'
      left join app.group_members as mates on mates.group_id = gm.group_id and mates.status = 'active'
    ),
    chosen as (
      select distinct on (u.unit) b.id
      from units as u
      inner join app.backups as b on b.submitter_id = u.user_id and b.assignment_id = final_submission_ids.assignment_id
      order by u.unit, b.flagged desc, b.submit desc, b.created_at desc, b.id desc
    )
    select coalesce(array_agg(c.id order by c.id), '{}') from chosen as c
  );
end;
$$;

revoke all on function app.final_submission_ids(bigint) from public;
grant execute on function app.final_submission_ids(bigint) to ok_user;

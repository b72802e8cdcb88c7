-- app.keep_an_instructor(course_id): a course keeps at least one instructor, said once for
-- every roster change that can remove one (unenrolling, changing a role, a roster import).
-- Called last in the change's transaction: it first serialises roster changes of the course
-- (an advisory lock, key space 4244), then looks with a fresh snapshot (read committed), so
-- two instructors removing each other at once cannot both succeed.
-- Called by: api.unenroll, api.enroll, api.roster_import. Security: definer (the owner
-- reads every enrollment: an instructor who just unenrolled themselves no longer sees the
-- course's roster under RLS, yet the other instructor must count). Answers nothing.
-- Raises: PT409 'That would leave <offering> without an instructor: enroll another first'.
create or replace function app.keep_an_instructor(course_id bigint)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform pg_advisory_xact_lock(4244, (keep_an_instructor.course_id % 2147483647)::integer);
  if not exists (
    select 1 from app.enrollments as e where e.course_id = keep_an_instructor.course_id and e.role = 'instructor'
  ) then
    raise sqlstate 'PT409' using message = format(
      'That would leave %s without an instructor: enroll another first',
      (select c.offering from app.courses as c where c.id = keep_an_instructor.course_id));
  end if;
end;
$$;

revoke all on function app.keep_an_instructor(bigint) from public;
grant execute on function app.keep_an_instructor(bigint) to ok_api;

-- api.final_submissions(assignment): the backup that counts for each student or group, with
-- the members' emails, the backup's key, lateness against the effective deadline and the
-- reason it was chosen (see app.unit_finals). Staff get the course; students their row.
-- Called by: staff pages, the assignment page, exports. Security: definer, so that staff see
-- the emails of unenrolled submitters too; rows are exactly those app.unit_finals lets
-- the caller see (it filters by the caller's claims). Raises nothing.
-- requires: auth.is_staff_of.sql
-- requires: app.unit_finals.sql
create or replace function api.final_submissions(assignment text)
returns table (
  members text[], enrolled boolean, backup_key text, submitter text, is_submission boolean,
  flagged boolean, submission_time timestamptz, effective_due timestamptz, late_by interval, reason text
)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select
    (select array_agg(u.email order by u.email) from app.users as u where u.id = any(f.member_ids)),
    f.enrolled, app.hashid_encode(f.backup_id),
    (select u.email from app.users as u where u.id = f.submitter_id),
    f.is_submission, f.flagged, f.submission_time, f.effective_due, f.late_by, f.reason
  from app.assignments as a
  cross join lateral app.unit_finals(a.id) as f
  where a.name = final_submissions.assignment
    -- a hidden assignment has no final submissions for anyone but its course's staff
    and (a.visible or auth.is_staff_of(a.course_id))
  order by 1
$$;

revoke all on function api.final_submissions(text) from public;
grant execute on function api.final_submissions(text) to ok_user;
comment on function api.final_submissions(text) is 'The backup that counts for each student or group, and why.';

-- 0014_staff_course_ids: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Who counts as staff, said once: every policy that named the staff roles itself now reads
-- auth.staff_course_ids() (sql/functions/access/), the definition auth.is_staff_of reads too.
-- ALTER POLICY changes only the expressions; the roles and commands stay.
alter policy assignments_select on app.assignments
using ((visible or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))));

alter policy backups_insert on app.backups
with check ((((submitter_id = (select auth.user_id() as user_id)) and (creator_id is null)) or ((creator_id = (select auth.user_id() as user_id)) and (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])))));

alter policy backups_select on app.backups
using (((submitter_id = (select auth.user_id() as user_id)) or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) or ((assignment_id, submitter_id) in (
  select
    g.assignment_id,
    g.user_id
  from auth.group_mates() as g (assignment_id, user_id)
))));

alter policy backups_update on app.backups
using ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])))
with check ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])));

alter policy comments_insert on app.comments
with check (((author_id = (select  -- noqa: LT09
  auth.user_id() as user_id)) and ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) or (exists (
  select 1
  from app.backups as b
  where (b.id = comments.backup_id)
)))));

alter policy comments_select on app.comments
using (((course_id = any(
  (select auth.staff_course_ids() as course_ids)::bigint[])) or (exists (
  select 1
  from app.backups as b
  where (b.id = comments.backup_id)
))));

alter policy enrollments_select on app.enrollments
using (((user_id = (select auth.user_id() as user_id)) or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))));

alter policy extension_requests_select on app.extension_requests
using (((user_id = (select auth.user_id() as user_id)) or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))));

alter policy extensions_select on app.extensions
using (((user_id = (select auth.user_id() as user_id)) or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))));

alter policy grading_tasks_staff on app.grading_tasks
using ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])))
with check ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])));

alter policy group_actions_select on app.group_actions
using (((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) or (actor_id = (select auth.user_id() as user_id)) or (target_id = (select auth.user_id() as user_id))));

alter policy group_members_select on app.group_members
using (((user_id = (
  select auth.user_id() as user_id)) or (assignment_id in (
  select a.id
  from app.assignments as a
  where (a.course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))
))));

alter policy groups_select on app.groups
using (((course_id = any(
  (select auth.staff_course_ids() as course_ids)::bigint[])) or (id in (
  select gm.group_id
  from app.group_members as gm
  where (gm.user_id = (select auth.user_id() as user_id))
))));

alter policy jobs_select on app.jobs
using (((user_id = (select auth.user_id() as user_id)) or (course_id = any((select auth.staff_course_ids() as course_ids)::bigint[]))));

alter policy scores_delete on app.scores
using (((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) and (grader_id = (select auth.user_id() as user_id))));

alter policy scores_insert on app.scores
with check (((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) and (grader_id = (select auth.user_id() as user_id))));

alter policy scores_select on app.scores
using (((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])) or ((not archived) and ((user_id = (select auth.user_id() as user_id)) or ((assignment_id, user_id) in (select
  g.assignment_id,
  g.user_id
from auth.group_mates() as g (assignment_id, user_id)))) and (kind = any((
  select a.published_score_kinds
  from app.assignments as a
  where (a.id = scores.assignment_id)
)::text[])))));

alter policy scores_update on app.scores
using ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])))
with check ((course_id = any((select auth.staff_course_ids() as course_ids)::bigint[])));

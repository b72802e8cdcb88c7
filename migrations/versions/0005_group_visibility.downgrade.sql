-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
drop policy scores_delete on app.scores;
drop policy scores_update on app.scores;
drop policy scores_insert on app.scores;
create policy scores_write on app.scores for all to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) and grader_id = (select auth.user_id()));
drop policy users_select on app.users;
create policy users_select on app.users for select to ok_user using (
  id = (select auth.user_id())
  or id in (
    select e.user_id from app.enrollments as e
    where e.course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  )
);
drop policy backups_select on app.backups;
create policy backups_select on app.backups for select to ok_user
using (submitter_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));

-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
drop policy backups_select on app.backups;
create policy backups_select on app.backups for select to ok_user using (
  submitter_id = (select auth.user_id())
  or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  or (assignment_id, submitter_id) in (
    select
      g.assignment_id,
      g.user_id
    from auth.group_mates() as g
  )
);
drop policy users_select on app.users;
create policy users_select on app.users for select to ok_user
using (id in (select auth.visible_user_ids()));
drop policy scores_write on app.scores;
create policy scores_insert on app.scores for insert to ok_user
with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) and grader_id = (select auth.user_id()));
create policy scores_update on app.scores for update to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy scores_delete on app.scores for delete to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) and grader_id = (select auth.user_id()));

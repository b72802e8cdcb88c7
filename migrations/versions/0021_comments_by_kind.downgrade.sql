-- 0021_comments_by_kind: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


drop policy comments_select on app.comments;
create policy comments_select on app.comments for select to ok_user
using (
  course_id = any((select auth.staff_course_ids())::bigint[])
  or exists (
    select 1 from app.backups as b
    where b.id = comments.backup_id
  )
);
revoke insert (kind) on app.comments from ok_api;
-- squawk-ignore ban-drop-column
alter table app.comments drop column kind;

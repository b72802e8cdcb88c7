-- 0021_comments_by_kind: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- A line comment belongs to a kind of grading, like a score (composition by default: okpy's
-- composition grading is comments and a composition score). Students see staff comments on
-- their backups only once that kind is published for the assignment (issue #9: "then, and
-- only then, students see it, and see the comments of that grading"); their own comments,
-- always. The column is filled for existing comments by its default.
alter table app.comments add column kind text not null default 'composition';
alter table app.comments add constraint comments_kind_normalised
check (kind = lower(btrim(kind)) and kind <> '') not valid;
-- Every row holds the default just set: the check reads the table once, under the lock the
-- new column already took (comments are a few per graded submission).
-- squawk-ignore constraint-missing-not-valid
alter table app.comments validate constraint comments_kind_normalised;
grant insert (kind) on app.comments to ok_api;

drop policy comments_select on app.comments;
create policy comments_select on app.comments for select to ok_user
using (
  course_id = any((select auth.staff_course_ids())::bigint[])
  or author_id = (select auth.user_id())
  or exists (
    select 1 from app.backups as b
    inner join app.assignments as a on b.assignment_id = a.id
    where b.id = comments.backup_id and comments.kind = any(a.published_score_kinds)
  )
);

-- 0019_shared_best_scores_kept_per_student: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Each student's best active score of each kind per assignment, shared across their current
-- group (app.shared_best, the rule), one row per course and student: best is
-- {"<assignment id>": {"<kind>": value}}. Kept by the statement triggers below
-- (app.refresh_shared_best under the assignment's lock), so that the gradebook and the grades
-- CSV read 2,000 rows instead of grouping the course's 42,000 scores by unit each time.
-- Read only by owner definers (through app.grade_cells): no grant to any request role.
create table app.shared_best_scores (
  course_id bigint not null references app.courses (id) on delete cascade,
  user_id bigint not null references app.users (id) on delete cascade,
  best jsonb not null default '{}',
  constraint shared_best_scores_pkey primary key (course_id, user_id)
);
comment on table app.shared_best_scores is
'Each student''s best active score of each kind per assignment, shared across their group (app.shared_best), kept by triggers on app.scores and app.group_members.';

alter table app.shared_best_scores enable row level security;
alter table app.shared_best_scores force row level security;
create policy shared_best_scores_owner_all on app.shared_best_scores for all to ok_owner using (true) with check (true);
create policy shared_best_scores_admin_all on app.shared_best_scores for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));

-- Created before the fill: a change to scores or groups from now on waits for the
-- assignment's lock in the trigger, and this transaction's fill is visible to it after commit.
create trigger _300_shared_best_insert after insert on app.scores
referencing new table as new_rows
for each statement execute function app.tg_scores__shared_best();
create trigger _300_shared_best_update after update on app.scores
referencing old table as old_rows new table as new_rows
for each statement execute function app.tg_scores__shared_best();
create trigger _300_shared_best_delete after delete on app.scores
referencing old table as old_rows
for each statement execute function app.tg_scores__shared_best();
create trigger _300_shared_best_insert after insert on app.group_members
referencing new table as new_rows
for each statement execute function app.tg_group_members__shared_best();
create trigger _300_shared_best_update after update on app.group_members
referencing old table as old_rows new table as new_rows
for each statement execute function app.tg_group_members__shared_best();
create trigger _300_shared_best_delete after delete on app.group_members
referencing old table as old_rows
for each statement execute function app.tg_group_members__shared_best();

-- The fill, in one pass over the active scores (42,000 scores of a 2,000-student course in
-- well under a second). A revision calls nothing from sql/ (docs/migrations.md), so the rule
-- of app.shared_best is spelled here once more, for this one-time fill: each active score
-- counts for the scorer's active group-mates (the scorer included), or the scorer alone. The
-- pgTAP test rules_shared_best.sql compares the table with app.shared_best.
insert into app.shared_best_scores (course_id, user_id, best)
select
  per_assignment.course_id,
  per_assignment.user_id,
  jsonb_object_agg(per_assignment.assignment_id::text, per_assignment.kinds) as best
from (
  select
    per_kind.course_id,
    per_kind.user_id,
    per_kind.assignment_id,
    jsonb_object_agg(per_kind.kind, per_kind.value) as kinds
  from (
    select
      sc.course_id,
      coalesce(mate.user_id, sc.user_id) as user_id,
      sc.assignment_id,
      sc.kind,
      max(sc.value) as value
    from app.scores as sc
    left join app.group_members as mine
      on sc.assignment_id = mine.assignment_id and sc.user_id = mine.user_id and mine.status = 'active'
    left join app.group_members as mate
      on mine.group_id = mate.group_id and mate.status = 'active'
    where not sc.archived
    group by sc.course_id, coalesce(mate.user_id, sc.user_id), sc.assignment_id, sc.kind
  ) as per_kind
  group by per_kind.course_id, per_kind.user_id, per_kind.assignment_id
) as per_assignment
group by per_assignment.course_id, per_assignment.user_id;

-- It now returns one row per student (cells in column order, and the total): a new result
-- type, so the old function goes; sql/functions/scores/app.grade_cells.sql makes the new one.
-- squawk-ignore ban-drop-function
drop function if exists app.grade_cells(bigint);

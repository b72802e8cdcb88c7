-- 0023_rubrics: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Rubrics (issue #9, point 4, as PrairieLearn's manual grading has them): per assignment and
-- kind of score, items with points (positive or negative) and a description shown to
-- students; a score given by rubric is the starting points plus the points of the items the
-- grader applied, within the rubric's minimum and maximum (app.rubric_value, said once).
-- Changing an item's points or the bounds rescores, in one statement, every active score the
-- rubric gave (app.rescore_rubric: the earlier scores archived, as every new score does).
create table app.rubrics (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  kind text not null,
  start_points numeric not null default 0,
  min_points numeric,
  max_points numeric,
  created_at timestamptz not null default now(),
  constraint rubrics_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint rubrics_one_per_kind unique (assignment_id, kind),
  constraint rubrics_id_course_key unique (id, course_id),
  constraint rubrics_kind_normalised check (kind = lower(btrim(kind)) and kind <> ''),
  constraint rubrics_points_finite check (
    start_points between -1e15 and 1e15
    and (min_points is null or min_points between -1e15 and 1e15)
    and (max_points is null or max_points between -1e15 and 1e15)
  ),
  constraint rubrics_bounds_ordered check (min_points is null or max_points is null or min_points <= max_points)
);
comment on table app.rubrics is
'A rubric for one kind of score of an assignment: starting points and the bounds of a score.';

create table app.rubric_items (
  id bigint generated always as identity primary key,
  rubric_id bigint not null,
  course_id bigint not null,
  position bigint not null default 0,
  points numeric not null,
  description text not null,
  created_at timestamptz not null default now(),
  constraint rubric_items_rubric_fkey foreign key (rubric_id, course_id)
  references app.rubrics (id, course_id) on delete cascade,
  constraint rubric_items_id_course_key unique (id, course_id),
  constraint rubric_items_points_finite check (points between -1e15 and 1e15),
  constraint rubric_items_description_present check (btrim(description) <> '')
);
create index rubric_items_rubric_idx on app.rubric_items (rubric_id, position, id);
comment on table app.rubric_items is
'An item of a rubric: points added when a grader applies it, and the description students see.';

-- The items a grader applied to a score, each with an optional note to the students. A
-- score's items are kept with it when it is archived (the history of a regrade). An item in
-- use cannot be deleted (no action: an assignment's deletion removes both at once).
create table app.score_rubric_items (
  score_id bigint not null references app.scores (id) on delete cascade,
  item_id bigint not null,
  course_id bigint not null,
  note text not null default '',
  primary key (score_id, item_id),
  constraint score_rubric_items_item_fkey foreign key (item_id, course_id)
  references app.rubric_items (id, course_id)
);
create index score_rubric_items_item_idx on app.score_rubric_items (item_id);
comment on table app.score_rubric_items is 'The rubric items applied to a score, with the grader''s notes.';

-- The rubric that computed a score (null: typed by a grader or sent by the autograder). The
-- table is large: the column is added without a default (no rewrite) and its foreign key
-- checked in a second step under a weaker lock.
alter table app.scores add column rubric_id bigint;
alter table app.scores add constraint scores_rubric_fkey foreign key (rubric_id)
references app.rubrics (id) not valid;
-- Every row holds null (the column is new): validating reads the table once and finds
-- nothing to check, under the lock the new column already took.
-- squawk-ignore constraint-missing-not-valid
alter table app.scores validate constraint scores_rubric_fkey;
-- The column was just added, every row is null: a partial index over none of them is built
-- at once.
-- squawk-ignore require-concurrent-index-creation
create index scores_rubric_idx on app.scores (rubric_id) where rubric_id is not null and not archived;

alter table app.rubrics enable row level security;
alter table app.rubrics force row level security;
alter table app.rubric_items enable row level security;
alter table app.rubric_items force row level security;
alter table app.score_rubric_items enable row level security;
alter table app.score_rubric_items force row level security;

create policy rubrics_owner_all on app.rubrics for all to ok_owner using (true) with check (true);
create policy rubrics_admin_all on app.rubrics for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
create policy rubric_items_owner_all on app.rubric_items for all to ok_owner using (true) with check (true);
create policy rubric_items_admin_all on app.rubric_items for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
create policy score_rubric_items_owner_all on app.score_rubric_items for all to ok_owner
using (true) with check (true);
create policy score_rubric_items_admin_all on app.score_rubric_items for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));

-- The course's staff read rubrics; TAs and instructors change them (readers apply them).
create policy rubrics_select on app.rubrics for select to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]));
create policy rubrics_change on app.rubrics for all to ok_user
using (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]))
with check (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]));
-- Students read the items applied to a score they may see (a published one of their group),
-- for the description; the staff read and TAs and instructors change every item.
create policy rubric_items_select on app.rubric_items for select to ok_user
using (
  course_id = any((select auth.staff_course_ids())::bigint[])
  or exists (
    select 1 from app.score_rubric_items as a
    where a.item_id = rubric_items.id
  )
);
create policy rubric_items_change on app.rubric_items for all to ok_user
using (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]))
with check (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]));
-- A score's items are seen with the score (app.scores' own policy decides), and written by
-- the course's staff with the score.
create policy score_rubric_items_select on app.score_rubric_items for select to ok_user
using (
  course_id = any((select auth.staff_course_ids())::bigint[])
  or exists (
    select 1 from app.scores as s
    where s.id = score_rubric_items.score_id
  )
);
create policy score_rubric_items_insert on app.score_rubric_items for insert to ok_user
with check (course_id = any((select auth.staff_course_ids())::bigint[]));

grant select on app.rubrics, app.rubric_items, app.score_rubric_items to ok_user, ok_admin;
grant insert (assignment_id, course_id, kind, start_points, min_points, max_points) on app.rubrics to ok_api;
grant update (start_points, min_points, max_points) on app.rubrics to ok_api;
grant insert (rubric_id, course_id, position, points, description) on app.rubric_items to ok_api;
grant update (position, points, description) on app.rubric_items to ok_api;
grant delete on app.rubric_items to ok_api;
grant insert (score_id, item_id, course_id, note) on app.score_rubric_items to ok_api;
grant insert (rubric_id) on app.scores to ok_api;

create trigger _900_audit after insert or update or delete on app.rubrics
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.rubric_items
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.score_rubric_items
for each row execute function app.tg__audit();

-- app.record_score gains the rubric that computed the score (sql/functions/scores).
-- Replaced by the five-argument form, recreated with the replaceables.
-- squawk-ignore ban-drop-function
drop function if exists app.record_score(bigint, text, numeric, text);

-- 0022_comment_bank: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Comments saved for reuse on one assignment (issue #9, "a per-assignment comment bank"):
-- shared by the assignment's graders, each with how often it was used. Small (tens of rows
-- per assignment).
create table app.comment_bank (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  author_id bigint not null references app.users (id),
  message text not null,
  uses bigint not null default 0,
  created_at timestamptz not null default now(),
  constraint comment_bank_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint comment_bank_message_present check (btrim(message) <> ''),
  constraint comment_bank_uses_counted check (uses >= 0)
);
-- once per message and assignment (by its hash: a long comment would not fit a btree entry)
create unique index comment_bank_one_per_message on app.comment_bank (assignment_id, md5(message));
comment on table app.comment_bank is
'Comments saved for reuse on an assignment, shared by its graders, with how often each was used.';

alter table app.comment_bank enable row level security;
alter table app.comment_bank force row level security;
create policy comment_bank_owner_all on app.comment_bank for all to ok_owner using (true) with check (true);
create policy comment_bank_admin_all on app.comment_bank for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
-- the course's staff read, add and count its entries; students never see them
create policy comment_bank_staff on app.comment_bank for all to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]))
with check (course_id = any((select auth.staff_course_ids())::bigint[]));

grant select on app.comment_bank to ok_user, ok_admin;
grant insert (assignment_id, course_id, author_id, message) on app.comment_bank to ok_api;
grant update (uses) on app.comment_bank to ok_api;

create trigger _900_audit after insert or update or delete on app.comment_bank
for each row execute function app.tg__audit();

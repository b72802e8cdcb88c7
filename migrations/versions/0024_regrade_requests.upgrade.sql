-- 0024_regrade_requests: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Regrade requests (issue #9, point 7; Gradescope and Pawtograder have them, the original OK
-- never did): a student asks for a regrade of a published score with a reason; staff
-- resolve it with a reply, a new score (which archives the old one), or both; the student
-- sees the outcome. At most one open request per backup and kind. Every step is in the
-- audit log (the trigger below).
create table app.regrade_requests (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  backup_id bigint not null references app.backups (id) on delete cascade,
  kind text not null,
  score_id bigint references app.scores (id) on delete set null,
  -- the value asked about, as the student saw it (the score is archived once regraded)
  asked_value numeric not null,
  requester_id bigint not null references app.users (id),
  reason text not null,
  status text not null default 'open',
  reply text not null default '',
  resolver_id bigint references app.users (id),
  new_score_id bigint references app.scores (id) on delete set null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  constraint regrade_requests_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint regrade_requests_kind_normalised check (kind = lower(btrim(kind)) and kind <> ''),
  constraint regrade_requests_reason_present check (btrim(reason) <> ''),
  constraint regrade_requests_status_known check (status in ('open', 'resolved')),
  constraint regrade_requests_resolution_complete check (
    (status = 'open') = (resolved_at is null and resolver_id is null)
  )
);
create unique index regrade_requests_one_open on app.regrade_requests (backup_id, kind) where status = 'open';
create index regrade_requests_assignment_idx on app.regrade_requests (assignment_id, status, created_at);
comment on table app.regrade_requests is
'A student''s request for a regrade of a published score, and how the staff resolved it.';

alter table app.regrade_requests enable row level security;
alter table app.regrade_requests force row level security;
create policy regrade_requests_owner_all on app.regrade_requests for all to ok_owner using (true) with check (true);
create policy regrade_requests_admin_all on app.regrade_requests for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
-- The course's staff read and resolve every request; a student reads the requests on the
-- backups they may see (their group's), and files one as themselves.
create policy regrade_requests_select on app.regrade_requests for select to ok_user
using (
  course_id = any((select auth.staff_course_ids())::bigint[])
  or exists (
    select 1 from app.backups as b
    where b.id = regrade_requests.backup_id
  )
);
create policy regrade_requests_insert on app.regrade_requests for insert to ok_user
with check (requester_id = (select auth.user_id()));
create policy regrade_requests_resolve on app.regrade_requests for update to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]))
with check (course_id = any((select auth.staff_course_ids())::bigint[]));

grant select on app.regrade_requests to ok_user, ok_admin;
grant insert (assignment_id, course_id, backup_id, kind, score_id, asked_value, requester_id, reason)
on app.regrade_requests to ok_api;
grant update (status, reply, resolver_id, new_score_id, resolved_at) on app.regrade_requests to ok_api;

create trigger _900_audit after insert or update or delete on app.regrade_requests
for each row execute function app.tg__audit();

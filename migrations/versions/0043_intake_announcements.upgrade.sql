-- 0043_intake_announcements: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- The live deadline board is told of new backups by NOTIFY okv3_intake, which PostgreSQL
-- delivers by serializing the commits of the transactions that notified: announcing every
-- backup cost the intake's ceiling 13 to 25% (docs/performance.md). The board needs at most
-- one announcement per course per second, so a backup's transaction announces its course
-- only when it is the first to claim the course's row here in that second
-- (app.tg_backups__notify_intake); the others neither wait nor announce.
create table app.intake_announcements (
  course_id bigint primary key references app.courses (id) on delete cascade,
  announced_epoch bigint not null
);
comment on table app.intake_announcements is
'Per course, the second (Unix time) of its latest NOTIFY okv3_intake: at most one announcement per second.';
alter table app.intake_announcements enable row level security;
alter table app.intake_announcements force row level security;
create policy intake_announcements_owner_all on app.intake_announcements for all to ok_owner
using (true) with check (true);

-- every course has its row from the start (a course created later gets one with its first
-- announcement, app.tg_backups__notify_intake)
insert into app.intake_announcements (course_id, announced_epoch)
select
  c.id,
  0 as announced_epoch
from app.courses as c;

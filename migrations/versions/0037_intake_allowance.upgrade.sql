-- 0037_intake_allowance: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Each user's allowance of backups (a token bucket: app.take_intake_allowance), so that one
-- client in a retry loop cannot take the intake from everyone else. One row per user who
-- sent a backup; only the owner reads or writes it (through that function). Unlogged: a
-- bucket is worth no WAL (the intake's cost), and after a crash every bucket starts full.
create unlogged table app.intake_allowances (
  user_id bigint primary key references app.users (id) on delete cascade,
  tokens double precision not null,
  refreshed_at timestamptz not null,
  allowed boolean not null default true
);
comment on table app.intake_allowances is
'Per-user token bucket of backups (app.take_intake_allowance): tokens left and when last refilled.';
alter table app.intake_allowances enable row level security;
alter table app.intake_allowances force row level security;
create policy intake_allowances_owner_all on app.intake_allowances for all to ok_owner using (true) with check (true);

-- 0026_highlighted_files: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Code highlighted ahead of grading (issue #9, "Speed and weight": a 2,000-line submission's
-- first view cost 535 ms, most of it Pygments): the worker highlights the files of backups
-- in grading queues and keeps each file's lines of HTML here, keyed by the file (its name,
-- which chooses the lexer, and its text: app.file_digest) and the highlighter's version.
-- The grading view reads them instead of highlighting again. Only the worker writes rows
-- (through api.store_highlights), so no request can plant HTML that pages show unescaped.
create table app.highlighted_files (
  digest bytea not null,
  highlighter text not null,
  lines text[] not null,
  created_at timestamptz not null default now(),
  primary key (digest, highlighter),
  constraint highlighted_files_digest_is_sha256 check (octet_length(digest) = 32)
);
comment on table app.highlighted_files is
'Files highlighted by the worker ahead of grading: one row of HTML lines per file and highlighter version.';

alter table app.highlighted_files enable row level security;
alter table app.highlighted_files force row level security;
create policy highlighted_files_owner_all on app.highlighted_files for all to ok_owner using (true) with check (true);

-- A new grading task wakes the worker (app.tg_grading_tasks__notify_highlight).
create trigger _500_notify_highlight after insert on app.grading_tasks
for each statement execute function app.tg_grading_tasks__notify_highlight();

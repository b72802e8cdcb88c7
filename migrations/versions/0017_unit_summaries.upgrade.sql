-- 0017_unit_summaries: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Each submitter's own backup that counts, per assignment (flagged, else their newest
-- submission, else their newest backup: app.counting_backup), kept by the triggers below
-- (app.tg_backups__submitter_finals). A unit's backup that counts is the one that counts
-- among its members' rows here (app.unit_finals), so group changes need no upkeep;
-- and the rows say who has sent backups for an assignment (app.assignment_units) without
-- reading its backups. Read only by owner definers: no grant to any request role.
create table app.submitter_finals (
  assignment_id bigint not null references app.assignments (id) on delete cascade,
  submitter_id bigint not null references app.users (id),
  -- deleting the counting backup cascades to its row first; the delete trigger then finds no
  -- row and rebuilds it from the submitter's remaining backups
  backup_id bigint not null references app.backups (id) on delete cascade,
  primary key (assignment_id, submitter_id)
);
create index submitter_finals_backup_idx on app.submitter_finals (backup_id);
comment on table app.submitter_finals is
'Each submitter''s own backup that counts for an assignment (app.counting_backup), kept by triggers on app.backups.';

alter table app.submitter_finals enable row level security;
alter table app.submitter_finals force row level security;
create policy submitter_finals_owner_all on app.submitter_finals for all to ok_owner using (true) with check (true);
create policy submitter_finals_admin_all on app.submitter_finals for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));

-- Kept under the summary row's lock: an insert keeps the better of the row's backup and the
-- new one; a change of flag or submit, or a delete, recomputes the submitter's row.
-- Created before the backfill: the triggers' lock on app.backups holds new backups back
-- until this transaction commits, so none is missed.
create trigger _100_submitter_finals after insert on app.backups
for each row execute function app.tg_backups__submitter_finals();
create trigger _100_submitter_finals_change after update of flagged, submit on app.backups
for each row when (old.flagged is distinct from new.flagged or old.submit is distinct from new.submit)
execute function app.tg_backups__submitter_finals();
create trigger _100_submitter_finals_delete after delete on app.backups
for each row execute function app.tg_backups__submitter_finals();

-- Backfill, in one pass (100,000 rows from 2,500,000 backups in about 6 s). A revision
-- calls nothing from sql/ (docs/migrations.md), so the order of app.counting_backup is
-- spelled here once more, for this one-time fill; the pgTAP test rules_final_submission.sql
-- compares the table with app.counting_backup.
insert into app.submitter_finals (assignment_id, submitter_id, backup_id)
select distinct on (b.assignment_id, b.submitter_id)
  b.assignment_id,
  b.submitter_id,
  b.id
from app.backups as b
order by b.assignment_id asc, b.submitter_id asc, b.flagged desc, b.submit desc, b.created_at desc, b.id desc;

-- The per-unit rule is now app.unit_finals (sql/functions/submissions/), a name that says how
-- it differs from api.final_submissions; its old name goes.
-- squawk-ignore ban-drop-function
drop function if exists app.final_submissions(bigint, bigint);

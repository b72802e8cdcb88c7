-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file adding-foreign-key-constraint, require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
alter table app.backups
add column flagged_by bigint references app.users (id),
add column flagged_at timestamptz;

-- Settings that must stay secret (never exposed): the analytics salt.
create table auth.settings (
  name text primary key,
  value text not null
);
alter table auth.settings enable row level security;
alter table auth.settings force row level security;
create policy settings_owner_all on auth.settings for all to ok_owner using (true) with check (true);
create policy settings_analytics_salt on auth.settings for select to ok_analytics_owner
using (name = 'analytics_salt');
grant select on auth.settings to ok_analytics_owner;
insert into auth.settings (name, value)
values ('analytics_salt', encode(extensions.gen_random_bytes(32), 'hex'));

-- Everything that decides a grade is audited.
create trigger _900_audit after insert or update or delete on app.scores
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.extensions
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.extension_requests
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.group_members
for each row execute function app.tg__audit();
create trigger _900_audit after update of flagged, submit, custom_submission_time on app.backups
for each row execute function app.tg__audit();
create trigger _200_complete_tasks after insert on app.scores
for each row execute function app.tg_scores__complete_tasks();

-- Students see their current group's published scores, not only their own.
drop policy scores_select on app.scores;
create policy scores_select on app.scores for select to ok_user using (
  course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  or (
    not archived
    and (
      user_id = (select auth.user_id())
      or (assignment_id, user_id) in (
        select
          g.assignment_id,
          g.user_id
        from auth.group_mates() as g
      )
    )
    and kind = any(
      (
        select a.published_score_kinds from app.assignments as a
        where a.id = assignment_id
      )::text[]
    )
  )
);
create index backups_flagged_idx on app.backups (assignment_id) where flagged;
create index grading_tasks_backup_idx on app.grading_tasks (backup_id);

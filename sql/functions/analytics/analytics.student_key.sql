-- analytics.student_key(course_id, user_id): a student's pseudonym in a course: an HMAC of the
-- course and user ids with a secret salt kept in auth.settings, so researchers can follow a
-- student across a course's assignments without learning who they are (ids are small and
-- could be guessed from a plain hash), and cannot join one person across courses.
-- Called by: the analytics snapshots (materialized views, computed by their owner when they
-- are refreshed); app.collect_backup_facts (analytics.backup_runs' pseudonyms, stored once);
-- the pseudonymous exports (api.job_final_submissions, api.job_backups, api.job_research_export,
-- definers owned by ok_owner). Not by the analytics login: it could
-- then compute a known student's key from their user id.
-- Security: definer (reads the salt); owner ok_analytics_owner. Raises nothing.
create or replace function analytics.student_key(course_id bigint, user_id bigint)
returns text
language sql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
  select left(encode(extensions.hmac(student_key.course_id::text || ':' || student_key.user_id::text, s.value, 'sha256'), 'hex'), 20)
  from auth.settings as s
  where s.name = 'analytics_salt'
$$;

revoke all on function analytics.student_key(bigint, bigint) from public;
grant execute on function analytics.student_key(bigint, bigint) to ok_owner;
comment on function analytics.student_key(bigint, bigint) is
'A student''s pseudonym in a course (HMAC of the course and user ids with a secret salt).';

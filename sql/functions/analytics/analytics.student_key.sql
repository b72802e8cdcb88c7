-- analytics.student_key(user_id): a pseudonymous, stable key for a student: an HMAC of the id
-- with a secret salt kept in auth.settings, so researchers can follow a student across
-- assignments without learning who they are (ids are small and could be guessed from a hash).
-- Called by: analytics views; the pseudonymous exports (api.job_final_submissions,
-- api.job_backups, definers owned by ok_owner). Security: definer (reads the salt); owner
-- ok_analytics_owner.
create or replace function analytics.student_key(user_id bigint)
returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select left(encode(extensions.hmac(user_id::text, s.value, 'sha256'), 'hex'), 20)
  from auth.settings as s
  where s.name = 'analytics_salt'
$$;

revoke all on function analytics.student_key(bigint) from public;
grant execute on function analytics.student_key(bigint) to ok_analytics, ok_owner;
comment on function analytics.student_key(bigint) is 'Pseudonymous student key (HMAC with a secret salt).';

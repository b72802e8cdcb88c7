-- app.regrades_json(assignment_id, backup_id, grader_id): an assignment's regrade requests as
-- the pages show them, open ones first, then the newest: [{"id", "backup_key", "kind",
-- "reason", "status", "reply", "requester", "resolver", "created_at", "resolved_at", "score"
-- (the value asked about), "new_score" (the value it was resolved with, or null)}].
-- backup_id (null: all) keeps one backup's; grader_id (null: all) keeps those on backups in
-- that grader's queue. What the caller may see is the caller's row-level security's answer
-- when it runs inside an ok_api definer (a student: their group's), all of them inside an
-- owner's.
-- Called by: api.grading_queue (the grader's), api.grading_view (the backup's),
-- api.scores_page (all), api.assignment_page (the student's group's). Security: invoker.
-- Raises nothing.
-- requires: app.hashid_encode.sql
create or replace function app.regrades_json(
  assignment_id bigint, backup_id bigint default null, grader_id bigint default null
)
returns jsonb
language sql
stable
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', r.id, 'backup_key', app.hashid_encode(r.backup_id), 'kind', r.kind, 'reason', r.reason,
    'status', r.status, 'reply', r.reply,
    'requester', (select u.email from app.users as u where u.id = r.requester_id),
    'resolver', (select u.email from app.users as u where u.id = r.resolver_id),
    'created_at', r.created_at, 'resolved_at', r.resolved_at,
    'score', r.asked_value,
    'new_score', (select s.value from app.scores as s where s.id = r.new_score_id)
  ) order by r.status = 'open' desc, r.created_at desc, r.id desc), '[]'::jsonb)
  from app.regrade_requests as r
  where r.assignment_id = regrades_json.assignment_id
    and (regrades_json.backup_id is null or r.backup_id = regrades_json.backup_id)
    and (regrades_json.grader_id is null or exists (
      select 1 from app.grading_tasks as t
      where t.backup_id = r.backup_id and t.grader_id = regrades_json.grader_id
    ))
$$;

revoke all on function app.regrades_json(bigint, bigint, bigint) from public;
grant execute on function app.regrades_json(bigint, bigint, bigint) to ok_api;

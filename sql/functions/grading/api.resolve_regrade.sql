-- api.resolve_regrade(request_id, reply, score): the course's staff resolve an open regrade
-- request with a reply to the student, a new score (as typed; recorded by app.record_score
-- with the reply as its message: the old score is archived), or both. Answers {"id",
-- "status", "new_score"}. Two staff resolving at once: the second is refused. Audited.
-- Called by: POST /staff/<assignment>/regrades/<id>/resolve (the grading view, the queue and
-- scores pages). Security: definer as ok_api (the caller's RLS applies: staff resolve their
-- course's requests, and score as themselves).
-- Raises: PT401; PT404 no such request (or not the caller's to see); PT403 not the course's
-- staff; PT409 already resolved; PT422 neither a reply nor a score, a score that is not a
-- number (app.points_from_text).
-- requires: app.require_login.sql, auth.is_staff_of.sql, app.points_from_text.sql, app.record_score.sql
create or replace function api.resolve_regrade(request_id bigint, reply text default '', score text default '')
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  asked app.regrade_requests;
  new_value numeric := app.points_from_text(resolve_regrade.score, 'new score', true);
  new_id bigint;
begin
  perform app.require_login();
  select r.* into asked from app.regrade_requests as r where r.id = resolve_regrade.request_id;
  if asked.id is null then
    raise sqlstate 'PT404' using message = format('No regrade request %s', resolve_regrade.request_id);
  end if;
  if not auth.is_staff_of(asked.course_id) then
    raise sqlstate 'PT403' using message = 'Only the course''s staff resolve regrade requests';
  end if;
  if btrim(coalesce(resolve_regrade.reply, '')) = '' and new_value is null then
    raise sqlstate 'PT422' using message = 'Reply to the student, or give a new score';
  end if;
  if asked.status <> 'open' then
    raise sqlstate 'PT409' using message = 'This regrade request was already resolved';
  end if;
  if new_value is not null then
    new_id := app.record_score(asked.backup_id, asked.kind, new_value, coalesce(resolve_regrade.reply, ''));
  end if;
  -- resolved once: of two staff resolving at once, the second finds it resolved (and its
  -- score, recorded above, goes with its refused transaction)
  update app.regrade_requests as r
  set status = 'resolved', reply = coalesce(resolve_regrade.reply, ''), resolver_id = auth.user_id(),
    new_score_id = new_id, resolved_at = now()
  where r.id = asked.id and r.status = 'open';
  if not found then
    raise sqlstate 'PT409' using message = 'This regrade request was already resolved';
  end if;
  return jsonb_build_object('id', asked.id, 'status', 'resolved', 'new_score', new_value);
end;
$$;

revoke all on function api.resolve_regrade(bigint, text, text) from public;
alter function api.resolve_regrade(bigint, text, text) owner to ok_api;
grant execute on function api.resolve_regrade(bigint, text, text) to ok_user;
comment on function api.resolve_regrade(bigint, text, text) is
'Staff resolve a regrade request with a reply, a new score (archiving the old one), or both.';

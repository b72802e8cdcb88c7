-- api.v3_score_post(bid, kind, score, message): POST /api/v3/score/, how the autograder and
-- staff scripts record a score. The kind is lower-cased and trimmed; any kind is accepted.
-- Earlier active scores of the same kind on the backup are archived (history is kept:
-- app.record_score).
-- Staff of the backup's course only, or the course's autograder token (scope `autograder`,
-- app.mint_autograder_token: the score is the token's staff member's); others get 401
-- (okpy/ok's answer, kept for scripts).
-- A score must be a finite number within +/-1e15 (NaN, 'Infinity' and 1e1000 are refused with
-- 400; app.scores has the same check constraint).
-- Reply: data {"success": true}, envelope message null (okpy/ok popped "message").
-- Security: definer as ok_api (the caller's RLS applies) (RLS: staff write scores of their course, as themselves).
-- Answers 400 (missing or bad field), 401 (logged out, or not staff of the course), 404 (key).
-- requires: auth.is_staff_of.sql
-- requires: v3.auth_error.sql, app.hashid_decode.sql, app.record_score.sql
create or replace function api.v3_score_post(
  bid text default null,
  kind text default null,
  score numeric default null,
  message text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error(case when auth.claims() ->> 'scope' = 'autograder' then 'autograder' else 'all' end);
  target app.backups;
  clean_kind text := lower(btrim(kind));
begin
  if denied is not null then
    return denied;
  end if;
  if bid is null or clean_kind is null or clean_kind = '' or score is null or message is null then
    return v3.reply(400, '{}', 'bid, kind, score and message are required');
  end if;
  if not (score between -1e15 and 1e15) then  -- false for NaN (greater than every number) too
    return v3.reply(400, '{}', 'score must be a finite number between -1e15 and 1e15');
  end if;
  if app.hashid_decode(bid) is null then
    return v3.reply(404, '{}', 'No backup with that key');
  end if;
  select b.* into target
  from app.backups as b
  where b.id = app.hashid_decode(bid)
    and auth.is_staff_of(b.course_id);
  if target.id is null then
    return v3.reply(401, '{}', 'Only staff of the course can score this backup');
  end if;
  perform app.record_score(target.id, clean_kind, score, message);
  return v3.reply(200, '{"success": true}', null);
end;
$$;

revoke all on function api.v3_score_post(text, text, numeric, text) from public;
alter function api.v3_score_post(text, text, numeric, text) owner to ok_api;
grant execute on function api.v3_score_post(text, text, numeric, text) to ok_anon, ok_user;
comment on function api.v3_score_post(text, text, numeric, text) is 'POST /api/v3/score/: record a score.';

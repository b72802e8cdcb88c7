-- app.tg_regrade_requests__mail(): tell a student that staff resolved their regrade request,
-- with the reply and the score now. Template: regrade.
-- Called by: trigger _800_mail after update of status on app.regrade_requests (to resolved).
-- Security: definer (reads the score; queues mail). Raises nothing.
-- requires: app.queue_mail.sql
create or replace function app.tg_regrade_requests__mail()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  work record;
begin
  select a.name, a.display_name into work from app.assignments as a where a.id = new.assignment_id;
  perform app.queue_mail('regrade', 'regrade', format('%s: your regrade request (%s) was answered', work.display_name, new.kind),
    array[new.requester_id], new.course_id,
    jsonb_build_object('kind', new.kind, 'reply', new.reply, 'assignment', work.display_name,
                       'score', (select trim_scale(s.value)::text from app.scores as s
                                 where s.id = coalesce(new.new_score_id, new.score_id)),
                       'path', '/' || work.name || '/'));
  return null;
end;
$$;

revoke all on function app.tg_regrade_requests__mail() from public;

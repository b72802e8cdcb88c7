-- app.queue_mail(kind, template, subject, user_ids, course_id, params, dedupe): queue one
-- notification per recipient, in the transaction of the change that causes it, said once:
-- nobody is mailed who turned the kind off (app.users.mail_muted), nobody outside the
-- course (not enrolled in it), nobody in a course whose
-- staff turned its mail off (app.courses.mail_enabled), nobody twice (each user once per
-- call; with dedupe, once per "dedupe:user" ever); a subject is one line of at most 200
-- characters. Each row names its template
-- (web/templates/mail/<template>.txt and .html, rendered by the worker) with params plus
-- the course {offering, display_name}, the recipient's name, and the unsubscribe link's
-- parts {user (hashid), kind, token} (app.unsubscribe_token). Answers how many were queued.
-- Called by: the mail triggers (app.tg_group_actions__mail, app.tg_extension_requests__mail,
-- app.tg_regrade_requests__mail, app.tg_assignments__mail_scores, app.tg_backups__receipt)
-- and the scheduled mail (api.job_deadline_reminders, api.job_extension_digest).
-- Security: definer (writes the outbox); executable by the owner only.
-- Raises: PT422 an unknown kind (a programming error, not user input).
-- requires: app.mail_kinds.sql, app.unsubscribe_token.sql, app.hashid_encode.sql
create or replace function app.queue_mail(
  kind text, template text, subject text, user_ids bigint[], course_id bigint,
  params jsonb default '{}', dedupe text default null
)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  queued integer;
begin
  if not exists (select 1 from app.mail_kinds() as k where k.kind = queue_mail.kind) then
    raise sqlstate 'PT422' using message = format('No such kind of mail: %s', queue_mail.kind);
  end if;
  if queue_mail.course_id is not null
     and not (select c.mail_enabled from app.courses as c where c.id = queue_mail.course_id) then
    return 0;
  end if;
  insert into app.email_outbox (course_id, user_id, kind, template, to_address, subject, params, dedupe_key)
  select queue_mail.course_id, u.id, queue_mail.kind, queue_mail.template, u.email,
    -- names in a subject are people's and staff's text: one line, whatever they typed
    left(regexp_replace(queue_mail.subject, '[[:cntrl:]]+', ' ', 'g'), 200),
    coalesce(queue_mail.params, '{}') || jsonb_build_object(
      'course', (select jsonb_build_object('offering', c.offering, 'display_name', c.display_name)
                 from app.courses as c where c.id = queue_mail.course_id),
      'recipient', coalesce(u.name, u.email::text),
      'unsubscribe', jsonb_build_object('user', app.hashid_encode(u.id), 'kind', queue_mail.kind,
                                        'token', app.unsubscribe_token(u.id, queue_mail.kind))),
    queue_mail.dedupe || ':' || u.id
  from app.users as u
  where u.id = any(queue_mail.user_ids) and not (queue_mail.kind = any(u.mail_muted))
    -- a course writes only to its people: whoever was removed from it hears no more of it
    and (queue_mail.course_id is null or exists (
      select 1 from app.enrollments as e where e.course_id = queue_mail.course_id and e.user_id = u.id))
  on conflict (dedupe_key) do nothing;
  get diagnostics queued = row_count;
  return queued;
end;
$$;

revoke all on function app.queue_mail(text, text, text, bigint[], bigint, jsonb, text) from public;

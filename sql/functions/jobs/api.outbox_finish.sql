-- api.outbox_finish(outbox_id, error): record how sending one claimed email went. Without an
-- error it is 'sent'; with one it goes back to the queue, or is 'failed' after 5 attempts.
-- Called by: worker/outbox.py as ok_worker. Security: invoker.
-- Raises: PT404 when the email is not one being sent.
create or replace function api.outbox_finish(outbox_id bigint, error text default null)
returns text
language plpgsql
volatile
as $$
declare
  new_status app.mail_status;
begin
  update app.email_outbox as o
  set
    status = case
      when error is null then 'sent'
      when o.attempts >= 5 then 'failed'
      else 'queued'
    end::app.mail_status,
    sent_at = case when error is null then now() end,
    last_error = error,
    claimed_at = null
  where o.id = outbox_id and o.status = 'sending'
  returning o.status into new_status;
  if new_status is null then
    raise sqlstate 'PT404' using message = format('Email %s is not being sent', outbox_id);
  end if;
  return new_status::text;
end;
$$;

revoke all on function api.outbox_finish(bigint, text) from public;
grant execute on function api.outbox_finish(bigint, text) to ok_worker;
comment on function api.outbox_finish(bigint, text) is 'Record the outcome of sending one email (worker).';

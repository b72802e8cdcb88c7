-- api.outbox_claim(batch_size): hand the worker up to batch_size queued emails, oldest first,
-- marking them 'sending'. Rows another worker holds are skipped (for update skip locked), and
-- rows left 'sending' for 10 minutes by a worker that died are taken again, up to the fifth
-- attempt; after that they are marked failed (a message that kills its worker cannot loop
-- forever). A notification
-- comes with its template and params instead of a body: the worker renders it
-- (worker/outbox.py, web/templates/mail/).
-- Called by: worker/outbox.py as ok_worker. Security: invoker (ok_worker's outbox policy).
-- Raises: PT422 for a batch size outside 1..500.
create or replace function api.outbox_claim(batch_size integer default 20)
returns jsonb
language plpgsql
volatile
as $$
declare
  claimed jsonb;
begin
  if batch_size is null or batch_size not between 1 and 500 then
    raise sqlstate 'PT422' using message = 'batch_size must be between 1 and 500';
  end if;
  update app.email_outbox as o
  set status = 'failed', claimed_at = null,
      last_error = 'Gave up after 5 attempts: the worker stopped while sending it'
  where o.status = 'sending' and o.claimed_at < now() - interval '10 minutes' and o.attempts >= 5;
  with picked as (
    select o.id
    from app.email_outbox as o
    where o.status = 'queued'
       or (o.status = 'sending' and o.claimed_at < now() - interval '10 minutes' and o.attempts < 5)
    order by o.id
    for update skip locked
    limit batch_size
  ),
  updated as (
    update app.email_outbox as o
    set status = 'sending', claimed_at = now(), attempts = o.attempts + 1
    from picked
    where o.id = picked.id
    returning o.id, o.to_address, o.subject, o.body_text, o.body_html, o.attempts, o.template, o.params
  )
  select coalesce(jsonb_agg(to_jsonb(u) order by u.id), '[]') into claimed from updated as u;
  return claimed;
end;
$$;

revoke all on function api.outbox_claim(integer) from public;
grant execute on function api.outbox_claim(integer) to ok_worker;
comment on function api.outbox_claim(integer) is 'Claim queued emails for sending (worker).';

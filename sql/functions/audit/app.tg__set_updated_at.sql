-- app.tg__set_updated_at(): before-update trigger that stamps updated_at.
-- Called by: triggers _100_set_updated_at on tables with an updated_at column.
-- Security: invoker. Raises nothing.
-- Trigger functions are applied before migrations (see migrations/replaceables.py),
-- because the triggers that migrations create depend on them.
create or replace function app.tg__set_updated_at()
returns trigger
language plpgsql
volatile
as $$
begin
  NEW.updated_at := now();
  return NEW;
end;
$$;

revoke all on function app.tg__set_updated_at() from public;

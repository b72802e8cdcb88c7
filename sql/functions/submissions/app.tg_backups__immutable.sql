-- app.tg_backups__immutable(): a backup records what a student sent, for which assignment and
-- when; those facts never change, for any role (the owner included). Staff change what
-- counts (flag, submit, custom_submission_time), never the record itself.
-- Called by: trigger _050_immutable, before update of assignment_id, course_id,
-- submitter_id, creator_id or created_at on app.backups.
-- Security: invoker. Raises: PT409 when any of those columns would change.
create or replace function app.tg_backups__immutable()
returns trigger
language plpgsql
volatile
as $$
begin
  if (NEW.assignment_id, NEW.course_id, NEW.submitter_id, NEW.creator_id, NEW.created_at)
     is distinct from (OLD.assignment_id, OLD.course_id, OLD.submitter_id, OLD.creator_id, OLD.created_at) then
    raise sqlstate 'PT409' using message = 'A backup''s assignment, course, submitter and time cannot change',
      detail = format('backup %s', OLD.id);
  end if;
  return NEW;
end;
$$;

revoke all on function app.tg_backups__immutable() from public;

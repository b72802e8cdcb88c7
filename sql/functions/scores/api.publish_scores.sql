-- api.publish_scores(assignment, kind, published): show (or hide again) one kind of an
-- assignment's scores to its students: row-level security lets a student read a score only
-- when its kind is in the assignment's published kinds, and the gradebook and the grades CSV
-- have a column for each published kind. Kinds are compared lower-cased and trimmed, as
-- scores store them. Returns the assignment's published kinds afterwards. The change is in
-- the audit log (the assignments' audit trigger).
-- Called by: the staff assignment page. Security: definer as ok_api (the caller's RLS applies).
-- Raises: PT401; PT404 unknown assignment; PT403 not a TA or instructor (readers grade but
-- do not publish); PT422 empty kind, or published not said.
-- requires: app.assignment_for_change.sql
create or replace function api.publish_scores(assignment text, kind text, published boolean default true)
returns text[]
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(publish_scores.assignment);
  wanted text := lower(btrim(coalesce(publish_scores.kind, '')));
  kinds text[];
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can publish scores';
  end if;
  if wanted = '' then
    raise sqlstate 'PT422' using message = 'Name the kind of score to publish';
  end if;
  if publish_scores.published is null then
    raise sqlstate 'PT422' using message = 'Say whether to publish or hide the kind';
  end if;
  update app.assignments as a
  set published_score_kinds = case
    when publish_scores.published then
      (select array_agg(distinct k order by k) from unnest(a.published_score_kinds || wanted) as k)
    else array_remove(a.published_score_kinds, wanted)
  end
  where a.id = target.assignment_id
  returning a.published_score_kinds into kinds;
  if not found then  -- row-level security let nothing change: never report a change not made
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can publish scores';
  end if;
  return kinds;
end;
$$;

revoke all on function api.publish_scores(text, text, boolean) from public;
alter function api.publish_scores(text, text, boolean) owner to ok_api;
grant execute on function api.publish_scores(text, text, boolean) to ok_user;
comment on function api.publish_scores(text, text, boolean) is
'Publish (or unpublish) one kind of an assignment''s scores to its students (TAs, instructors).';

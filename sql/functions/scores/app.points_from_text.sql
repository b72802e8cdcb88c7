-- app.points_from_text(value, label, optional): a number of points as a person typed it (a
-- score, a rubric item's points, a rubric's bounds), parsed once for every form: a decimal
-- number, optionally signed, within +/-1e15 (what app.scores and the rubric tables check).
-- When optional, an empty or missing value is null (a bound left open).
-- Called by: api.grade, api.save_rubric, api.add_rubric_item, api.edit_rubric_item,
-- api.resolve_regrade. Security: invoker. Raises: PT422 '<Label> must be a number, not ...'
-- or 'must be between -1e15 and 1e15', and for a required value that is missing.
create or replace function app.points_from_text(value text, label text, optional boolean default false)
returns numeric
language plpgsql
immutable
as $$
declare
  parsed numeric;
begin
  if points_from_text.optional and btrim(coalesce(points_from_text.value, '')) = '' then
    return null;
  end if;
  if points_from_text.value is null or points_from_text.value !~ '^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*$' then
    raise sqlstate 'PT422' using message = format(
      'The %s must be a number, not %L', points_from_text.label, coalesce(points_from_text.value, '')
    );
  end if;
  parsed := points_from_text.value::numeric;
  if not (parsed between -1e15 and 1e15) then
    raise sqlstate 'PT422' using message = format('The %s must be between -1e15 and 1e15', points_from_text.label);
  end if;
  return parsed;
end;
$$;

revoke all on function app.points_from_text(text, text, boolean) from public;
grant execute on function app.points_from_text(text, text, boolean) to ok_api;

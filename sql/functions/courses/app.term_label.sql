-- app.term_label(offering, term): the term of a course offering, said once: the label the
-- course set (app.courses.term, from its settings page) or else its offering's last part
-- ("fa26", "sp27", ...) as people say it ("Fall 2026", "Spring 2027"), and a number that
-- sorts terms in time (year * 10 + season). Unknown seasons read as the code itself.
-- Called by: api.my_navigation, api.course_settings_page (where a course sets no term label of
-- its own). Security: invoker. Raises nothing.
create or replace function app.term_label(offering text, term text, out label text, out sort_key integer)
returns record
language sql
immutable
parallel safe
as $$
  select
    coalesce(nullif(btrim(term_label.term), ''), coalesce(s.season, t.code) || ' ' || (2000 + t.yy)::text),
    (2000 + t.yy) * 10 + coalesce(s.rank, 0)
  from (
    select
      substr(split_part(term_label.offering, '/', 3), 1, 2) as code,
      coalesce(nullif(regexp_replace(split_part(term_label.offering, '/', 3), '[^0-9]', '', 'g'), ''), '0')::integer as yy
  ) as t
  left join (values
    ('wi', 'Winter', 1), ('sp', 'Spring', 2), ('su', 'Summer', 3), ('fa', 'Fall', 4), ('au', 'Autumn', 4), ('yr', 'Year', 5)
  ) as s (code, season, rank) on t.code = s.code
$$;

revoke all on function app.term_label(text, text) from public;
grant execute on function app.term_label(text, text) to ok_api;

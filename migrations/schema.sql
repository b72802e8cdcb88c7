CREATE SCHEMA analytics;

ALTER SCHEMA analytics OWNER TO ok_analytics_owner;

CREATE SCHEMA api;

ALTER SCHEMA api OWNER TO ok_owner;

CREATE SCHEMA app;

ALTER SCHEMA app OWNER TO ok_owner;

CREATE SCHEMA auth;

ALTER SCHEMA auth OWNER TO ok_owner;

CREATE SCHEMA extensions;

ALTER SCHEMA extensions OWNER TO postgres;

CREATE TYPE app.course_role AS ENUM (
    'student',
    'lab_assistant',
    'reader',
    'ta',
    'instructor'
);

ALTER TYPE app.course_role OWNER TO ok_owner;

CREATE TYPE app.job_status AS ENUM (
    'queued',
    'running',
    'finished',
    'failed'
);

ALTER TYPE app.job_status OWNER TO ok_owner;

CREATE TYPE app.mail_status AS ENUM (
    'queued',
    'sending',
    'sent',
    'failed'
);

ALTER TYPE app.mail_status OWNER TO ok_owner;

CREATE TYPE app.member_status AS ENUM (
    'pending',
    'active'
);

ALTER TYPE app.member_status OWNER TO ok_owner;

CREATE TYPE app.request_status AS ENUM (
    'pending',
    'granted',
    'denied'
);

ALTER TYPE app.request_status OWNER TO ok_owner;

CREATE FUNCTION analytics.student_key(user_id bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select left(encode(extensions.hmac(user_id::text, s.value, 'sha256'), 'hex'), 20)
  from auth.settings as s
  where s.name = 'analytics_salt'
$$;

ALTER FUNCTION analytics.student_key(user_id bigint) OWNER TO ok_analytics_owner;

COMMENT ON FUNCTION analytics.student_key(user_id bigint) IS 'Pseudonymous student key (HMAC with a secret salt).';

CREATE FUNCTION api.assign_grading(assignment text, graders text[], kind text DEFAULT 'composition'::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  grader_ids bigint[];
  given jsonb;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can assign grading';
  end if;
  select array_agg(u.id order by lower(u.email)) into grader_ids
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id and e.course_id = target.course_id
    and e.role in ('reader', 'ta', 'instructor')
  where lower(u.email) = any(select lower(g) from unnest(graders) as g);
  if grader_ids is null or cardinality(grader_ids) <> (select count(distinct lower(g)) from unnest(graders) as g) then
    raise sqlstate 'PT422' using message = 'Every grader must be staff of the course';
  end if;
  with todo as (
    select f.backup_id, row_number() over (order by f.backup_id) - 1 as n, count(*) over () as total
    from app.final_submissions(target.assignment_id) as f
    where f.backup_id is not null
      and not exists (select 1 from app.grading_tasks as t where t.backup_id = f.backup_id)
  ),
  inserted as (
    insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind)
    select target.assignment_id, target.course_id, d.backup_id,
           grader_ids[1 + (d.n * cardinality(grader_ids)) / d.total], lower(btrim(assign_grading.kind))
    from todo as d
    returning grader_id
  )
  select coalesce(jsonb_object_agg(u.email, c.n), '{}') into given
  from (select i.grader_id, count(*) as n from inserted as i group by i.grader_id) as c
  inner join app.users as u on c.grader_id = u.id;
  return given;
end;
$$;

ALTER FUNCTION api.assign_grading(assignment text, graders text[], kind text) OWNER TO ok_api;

COMMENT ON FUNCTION api.assign_grading(assignment text, graders text[], kind text) IS 'Split final submissions among graders (TAs, instructors).';

CREATE FUNCTION api.assignment_page(name text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- The assignment and the caller's unit first (materialized: what follows reads them as
  -- constants, so the backups and users are reached by index, not scanned per row).
  with target as materialized (
    select a.*, c.offering, c.display_name as course_name, c.timezone
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.name = assignment_page.name
  ),
  mine as materialized (
    select app.group_member_ids(t.id, auth.user_id()) as member_ids from target as t
  ),
  dates as materialized (
    select d.* from target as t cross join mine as m cross join lateral app.unit_dates(t.id, m.member_ids) as d
  )
  select jsonb_build_object(
    'name', t.name, 'display_name', t.display_name,
    'due_at', t.due_at, 'lock_at', t.lock_at, 'active', now() <= t.lock_at,
    'my_due', d.due_at, 'my_lock', d.lock_at, 'open_for_me', now() <= d.lock_at,
    'extension', case when d.extension_expires is not null then
      jsonb_build_object('until', d.extension_expires, 'reason', d.extension_reason,
                         'custom_submission_time', d.extension_custom_time) end,
    'max_group_size', t.max_group_size, 'course', jsonb_build_object('offering', t.offering,
      'display_name', t.course_name, 'timezone', t.timezone),
    'final', (
      select jsonb_build_object(
        'key', app.hashid_encode(f.backup_id), 'is_submission', f.is_submission, 'flagged', f.flagged,
        'submission_time', f.submission_time, 'late_by', app.human_interval(f.late_by), 'reason', f.reason
      )
      from app.final_submissions((select t2.id from target as t2), auth.user_id()) as f
      where auth.user_id() = any(f.member_ids) and f.backup_id is not null
    ),
    'group', (
      select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb)
      from mine as m inner join app.users as u on u.id = any(m.member_ids)
    ),
    'backups', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'key', app.hashid_encode(b.id), 'submit', b.submit, 'flagged', b.flagged,
        'created_at', b.created_at,
        'submitter', (select u.email from app.users as u where u.id = b.submitter_id),
        'late', app.late_by(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires),
          d.due_at
        ) is not null
      ) order by b.created_at desc, b.id desc), '[]'::jsonb)
      from (
        select b.*
        from target as t2
        cross join mine as m
        inner join app.backups as b on b.assignment_id = t2.id and b.submitter_id = any(m.member_ids)
        order by b.created_at desc, b.id desc
        limit 200
      ) as b
    ),
    'scores', (
      select coalesce(jsonb_agg(to_jsonb(s) order by s.kind), '[]'::jsonb) from api.my_scores(t.name) as s
    )
  )
  from target as t
  cross join dates as d
$$;

ALTER FUNCTION api.assignment_page(name text) OWNER TO ok_api;

COMMENT ON FUNCTION api.assignment_page(name text) IS 'A student''s view of an assignment: their effective dates, final submission, group, backups and scores.';

CREATE FUNCTION api.assignment_scores(assignment text) RETURNS TABLE(email text, sid text, section text, backup_key text, scores jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with target as (select a.* from app.assignments as a where a.name = assignment_scores.assignment),
  students as (
    select u.id, u.email, e.sid, e.section
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
    inner join app.users as u on e.user_id = u.id
  ),
  finals as (select f.* from target as t cross join lateral app.final_submissions(t.id) as f),
  owners as (
    select s.id as student_id, m.member_id
    from students as s
    left join finals as f on s.id = any(f.member_ids)
    cross join lateral unnest(coalesce(f.member_ids, array[s.id])) as m (member_id)
  ),
  best as (
    select o.student_id, sc.kind, max(sc.value) as value
    from owners as o
    cross join target as t
    inner join app.scores as sc on sc.assignment_id = t.id and sc.user_id = o.member_id and not sc.archived
    group by o.student_id, sc.kind
  )
  select s.email, s.sid, s.section, app.hashid_encode(f.backup_id),
         coalesce((select jsonb_object_agg(b.kind, b.value) from best as b where b.student_id = s.id), '{}')
  from students as s
  left join finals as f on s.id = any(f.member_ids)
  order by s.email
$$;

ALTER FUNCTION api.assignment_scores(assignment text) OWNER TO ok_api;

COMMENT ON FUNCTION api.assignment_scores(assignment text) IS 'Best score per kind for every student of an assignment (staff).';

CREATE FUNCTION api.backup_page(name text, key text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select shown || jsonb_build_object(
    -- The files: the text entries of the file_contents message ("submit" is ok-client's flag,
    -- not a file), by name.
    'files', (
      select coalesce(jsonb_object_agg(f.key, f.value order by f.key), '{}'::jsonb)
      from jsonb_array_elements(shown -> 'messages') as m (message)
      cross join lateral jsonb_each(m.message -> 'contents') as f (key, value)
      where m.message ->> 'kind' = 'file_contents' and jsonb_typeof(m.message -> 'contents') = 'object'
        and f.key <> 'submit' and jsonb_typeof(f.value) = 'string'
    ),
    'created_at', (select b.created_at from app.backups as b where b.id = app.hashid_decode(key)),
    'timezone', shown -> 'assignment' -> 'course' ->> 'timezone',
    'comments', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'filename', cm.filename, 'line', cm.line, 'message', cm.message, 'author', u.email, 'created_at', cm.created_at
      ) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
      from app.comments as cm
      left join app.users as u on cm.author_id = u.id
      where cm.backup_id = app.hashid_decode(key)
    )
  )
  from (select app.v3_backups_json(array[app.hashid_decode(key)]) -> 0 as shown) as found
  where shown is not null and shown -> 'assignment' ->> 'name' = backup_page.name
$$;

ALTER FUNCTION api.backup_page(name text, key text) OWNER TO ok_api;

COMMENT ON FUNCTION api.backup_page(name text, key text) IS 'A backup with its comments, for its page (owners, group, staff).';

CREATE FUNCTION api.create_assignment(name text, display_name text, due text, lock text, max_group_size integer DEFAULT 1, revisions_allowed boolean DEFAULT false, visible boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  course app.courses;
  due_at timestamptz;
  lock_at timestamptz;
  created app.assignments;
begin
  perform app.require_login();
  if name is null or name !~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[a-z]{2}[0-9]{2}/\w+$' then
    raise sqlstate 'PT422' using
      message = format('Malformed assignment name %L: expected <offering>/<word>, e.g. cal/cs61a/fa26/hw01', name);
  end if;
  select c.* into course
  from app.courses as c
  where c.offering = regexp_replace(name, '/\w+$', '');
  if course.id is null then
    raise sqlstate 'PT404' using message = format('No course %s', regexp_replace(name, '/\w+$', ''));
  end if;
  if not auth.is_admin() and not course.id = any(auth.course_ids('ta', 'instructor')) then
    raise sqlstate 'PT403' using message = format('Only staff of %s can create assignments', course.offering);
  end if;
  if display_name is null or btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  due_at := app.parse_course_time(due, course.timezone);
  lock_at := app.parse_course_time(lock, course.timezone);
  if lock_at < due_at then
    raise sqlstate 'PT422' using message = 'The lock date must not be before the due date';
  end if;
  if max_group_size is null or max_group_size < 1 then
    raise sqlstate 'PT422' using message = 'The group size must be at least 1';
  end if;
  insert into app.assignments
    (course_id, name, display_name, due_at, lock_at, max_group_size, revisions_allowed, visible,
     creator_id)
  values
    (course.id, name, btrim(display_name), due_at, lock_at, max_group_size,
     coalesce(revisions_allowed, false), coalesce(visible, true), auth.user_id())
  on conflict on constraint assignments_name_key do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('Assignment %s already exists', name);
  end if;
  return to_jsonb(created);
end;
$_$;

ALTER FUNCTION api.create_assignment(name text, display_name text, due text, lock text, max_group_size integer, revisions_allowed boolean, visible boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.create_assignment(name text, display_name text, due text, lock text, max_group_size integer, revisions_allowed boolean, visible boolean) IS 'Create an assignment; naive dates are course-local (staff and admins).';

CREATE FUNCTION api.create_course(offering text, display_name text, timezone text DEFAULT 'America/Los_Angeles'::text, institution text DEFAULT ''::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  created app.courses;
begin
  perform app.require_admin();
  if offering is null
     or offering !~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/(fa|sp|su|wi|au|yr)[0-9]{2}$' then
    raise sqlstate 'PT422' using
      message = format('Malformed offering %L: expected institution/course/term, e.g. cal/cs61a/fa26', offering);
  end if;
  if display_name is null or btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  if not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = timezone) then
    raise sqlstate 'PT422' using message = format('Unknown timezone %L', timezone);
  end if;
  insert into app.courses (offering, display_name, timezone, institution)
  values (offering, btrim(display_name), timezone, coalesce(institution, ''))
  on conflict on constraint courses_offering_key do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('Course %s already exists', offering);
  end if;
  return to_jsonb(created);
exception
  when check_violation then
    raise sqlstate 'PT422' using message = format('Offering %L is not allowed: %s', offering, sqlerrm);
end;
$_$;

ALTER FUNCTION api.create_course(offering text, display_name text, timezone text, institution text) OWNER TO ok_api;

COMMENT ON FUNCTION api.create_course(offering text, display_name text, timezone text, institution text) IS 'Open a course offering (admins).';

CREATE FUNCTION api.create_user(email text, name text DEFAULT NULL::text, is_admin boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  created app.users;
begin
  perform app.require_admin();
  if email is null or btrim(email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', email);
  end if;
  insert into app.users (email, name, is_admin)
  values (btrim(create_user.email), nullif(btrim(create_user.name), ''), coalesce(create_user.is_admin, false))
  on conflict (lower(email)) do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('User %s already exists', btrim(email));
  end if;
  return jsonb_build_object(
    'id', created.id, 'email', created.email, 'name', created.name, 'is_admin', created.is_admin
  );
end;
$_$;

ALTER FUNCTION api.create_user(email text, name text, is_admin boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.create_user(email text, name text, is_admin boolean) IS 'Register a user by email (admins).';

CREATE FUNCTION api.deadlines(assignment text) RETURNS TABLE(email text, due_at timestamp with time zone, lock_at timestamp with time zone, extended_until timestamp with time zone, extension_reason text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with target as (
    select a.id, a.course_id from app.assignments as a
    where a.name = deadlines.assignment
      -- a hidden assignment has no deadlines for anyone but its course's staff
      and (a.visible or auth.is_staff_of(a.course_id))
  )
  select u.email::text, d.due_at, d.lock_at, d.extension_expires, d.extension_reason
  from target as t
  cross join lateral app.assignment_units(t.id) as un
  inner join app.users as u on un.user_id = u.id
  cross join lateral app.effective_dates(t.id, un.member_ids) as d
  where auth.is_staff_of(t.course_id) or un.user_id = auth.user_id()
  order by u.email
$$;

ALTER FUNCTION api.deadlines(assignment text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.deadlines(assignment text) IS 'Effective due and lock dates per student (extensions applied).';

CREATE FUNCTION api.deny_extension_request(assignment text, email text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can decide extension requests';
  end if;
  update app.extension_requests as r
  set status = 'denied', decided_by = auth.user_id(), decided_at = now()
  from app.users as u
  where r.user_id = u.id and r.assignment_id = target.assignment_id and r.status = 'pending'
    and lower(u.email) = lower(deny_extension_request.email);
  if not found then
    raise sqlstate 'PT404' using message = format('%s has no pending request for this assignment', email);
  end if;
end;
$$;

ALTER FUNCTION api.deny_extension_request(assignment text, email text) OWNER TO ok_api;

COMMENT ON FUNCTION api.deny_extension_request(assignment text, email text) IS 'Deny a pending extension request (TAs, instructors).';

CREATE FUNCTION api.enroll(offering text, email text, role text, sid text DEFAULT NULL::text, section text DEFAULT NULL::text, name text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  course_id bigint;
  course_role app.course_role;
  member_id bigint;
  result app.enrollments;
begin
  perform app.require_login();
  select c.id into course_id from app.courses as c where c.offering = enroll.offering;
  if course_id is null then
    raise sqlstate 'PT404' using message = format('No course %s', offering);
  end if;
  if not auth.is_admin() and not course_id = any(auth.course_ids('instructor')) then
    raise sqlstate 'PT403' using message = format('Only instructors of %s can change enrollment', offering);
  end if;
  if role is null or replace(lower(btrim(role)), '-', '_') not in
     (select unnest(enum_range(null::app.course_role))::text) then
    raise sqlstate 'PT422' using
      message = format('Unknown role %L: expected student, lab-assistant, reader, ta or instructor', role);
  end if;
  course_role := replace(lower(btrim(role)), '-', '_')::app.course_role;
  if email is null or btrim(email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', email);
  end if;

  member_id := app.ensure_user(btrim(email), enroll.name);

  insert into app.enrollments as e (user_id, course_id, role, sid, section)
  values (member_id, course_id, course_role, nullif(btrim(sid), ''), nullif(btrim(section), ''))
  on conflict on constraint enrollments_pkey do update
  set role = excluded.role,
      sid = coalesce(excluded.sid, e.sid),
      section = coalesce(excluded.section, e.section)
  returning e.* into result;

  return jsonb_build_object(
    'offering', offering, 'email', btrim(email), 'user_id', member_id,
    'role', result.role, 'sid', result.sid, 'section', result.section
  );
end;
$_$;

ALTER FUNCTION api.enroll(offering text, email text, role text, sid text, section text, name text) OWNER TO ok_api;

COMMENT ON FUNCTION api.enroll(offering text, email text, role text, sid text, section text, name text) IS 'Enroll a user in a course with one role (instructors and admins).';

CREATE FUNCTION api.final_submissions(assignment text) RETURNS TABLE(members text[], enrolled boolean, backup_key text, submitter text, is_submission boolean, flagged boolean, submission_time timestamp with time zone, effective_due timestamp with time zone, late_by interval, reason text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select
    (select array_agg(u.email order by u.email) from app.users as u where u.id = any(f.member_ids)),
    f.enrolled, app.hashid_encode(f.backup_id),
    (select u.email from app.users as u where u.id = f.submitter_id),
    f.is_submission, f.flagged, f.submission_time, f.effective_due, f.late_by, f.reason
  from app.assignments as a
  cross join lateral app.final_submissions(a.id) as f
  where a.name = final_submissions.assignment
    -- a hidden assignment has no final submissions for anyone but its course's staff
    and (a.visible or auth.is_staff_of(a.course_id))
  order by 1
$$;

ALTER FUNCTION api.final_submissions(assignment text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.final_submissions(assignment text) IS 'The backup that counts for each student or group, and why.';

CREATE FUNCTION api.flag_backup(key text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target app.backups;
  assignment record;
  members bigint[];
begin
  select b.* into target from app.backups as b where b.id = app.hashid_decode(key);
  if target.id is null then
    raise sqlstate 'PT404' using message = 'No backup with that key';
  end if;
  select a.name into assignment from app.assignments as a where a.id = target.assignment_id;
  assignment := app.assignment_for_change(assignment.name);
  members := app.group_member_ids(target.assignment_id, coalesce(auth.user_id(), 0));
  if not assignment.is_staff then
    if not target.submitter_id = any(members) then
      raise sqlstate 'PT403' using message = 'You can only flag a backup of your own group';
    end if;
    if not assignment.is_open then
      raise sqlstate 'PT403' using message = 'The assignment is closed: ask your course staff to change your flag';
    end if;
  else
    members := app.group_member_ids(target.assignment_id, target.submitter_id);
  end if;
  update app.backups as b
  set flagged = false, flagged_by = null, flagged_at = null
  where b.assignment_id = target.assignment_id and b.submitter_id = any(members) and b.flagged and b.id <> target.id;
  update app.backups as b
  set flagged = true, submit = true, flagged_by = auth.user_id(), flagged_at = now()
  where b.id = target.id;
  return jsonb_build_object('key', key, 'flagged', true);
end;
$$;

ALTER FUNCTION api.flag_backup(key text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.flag_backup(key text) IS 'Flag a backup as the group''s final submission.';

CREATE FUNCTION api.gradebook(offering text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with course as (
    select c.id from app.courses as c
    where c.offering = gradebook.offering
      and auth.is_staff_of(c.id)
  ),
  columns as (
    select gc.* from course as c cross join lateral app.grade_columns(c.id) as gc
  ),
  cells as (
    select g.student_id, array_agg(g.value order by g.col) as cells, sum(g.value) filter (where g.in_total) as total
    from course as c cross join lateral app.grade_cells(c.id) as g
    group by g.student_id
  )
  select jsonb_build_object(
    'columns', coalesce((
      select jsonb_agg(jsonb_build_object(
        'title', cl.title, 'assignment', cl.assignment_name, 'type', cl.type, 'in_total', cl.in_total
      ) order by cl.col)
      from columns as cl
    ), '[]'::jsonb),
    'students', coalesce((
      select jsonb_agg(jsonb_build_object(
        'email', u.email, 'sid', e.sid, 'section', e.section,
        'cells', coalesce(to_jsonb(g.cells), '[]'::jsonb), 'total', coalesce(g.total, 0)
      ) order by u.email)
      from course as c
      inner join app.enrollments as e on e.course_id = c.id and e.role = 'student'
      inner join app.users as u on e.user_id = u.id
      left join cells as g on g.student_id = u.id
    ), '[]'::jsonb)
  )
  from course
$$;

ALTER FUNCTION api.gradebook(offering text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.gradebook(offering text) IS 'The course gradebook (staff): the grades CSV''s columns and values per student, and a total.';

CREATE FUNCTION api.grant_extension(assignment text, email text, expires text, custom_submission_time text DEFAULT NULL::text, reason text DEFAULT ''::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  tz text := (select c.timezone from app.courses as c where c.id = target.course_id);
  student bigint;
  expires_at timestamptz;
  custom_at timestamptz;
  saved app.extensions;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can grant extensions';
  end if;
  student := app.user_in_course(email, target.course_id);
  if student is null then
    raise sqlstate 'PT404' using message = format('%s is not enrolled in this course', email);
  end if;
  expires_at := app.parse_course_time(expires, tz);
  if expires_at <= target.due_at then
    raise sqlstate 'PT422' using message = 'An extension must end after the due date';
  end if;
  if custom_submission_time is not null then
    custom_at := app.parse_course_time(custom_submission_time, tz);
  end if;
  insert into app.extensions as x
    (assignment_id, course_id, user_id, staff_id, reason, expires_at, custom_submission_time)
  values (target.assignment_id, target.course_id, student, auth.user_id(), coalesce(reason, ''), expires_at, custom_at)
  on conflict on constraint extensions_assignment_user_key do update
  set staff_id = excluded.staff_id, reason = excluded.reason, expires_at = excluded.expires_at,
      custom_submission_time = excluded.custom_submission_time
  returning x.* into saved;
  update app.extension_requests as r
  set status = 'granted', decided_by = auth.user_id(), decided_at = now()
  where r.assignment_id = target.assignment_id and r.user_id = student and r.status = 'pending';
  return to_jsonb(saved);
end;
$$;

ALTER FUNCTION api.grant_extension(assignment text, email text, expires text, custom_submission_time text, reason text) OWNER TO ok_api;

COMMENT ON FUNCTION api.grant_extension(assignment text, email text, expires text, custom_submission_time text, reason text) IS 'Grant or change an extension (TAs, instructors).';

CREATE FUNCTION api.group_invite(assignment text, email text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  invitee bigint;
  mine app.group_members;
  added record;
begin
  if not target.is_open then
    raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
  end if;
  if not exists (
    select 1 from app.enrollments as e
    where e.user_id = auth.user_id() and e.course_id = target.course_id and e.role in ('student', 'lab_assistant')
  ) then
    raise sqlstate 'PT403' using message = 'Only students of this course can invite partners';
  end if;
  select u.id into invitee
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id
  where lower(u.email) = lower(group_invite.email)
    and e.course_id = target.course_id and e.role in ('student', 'lab_assistant');
  if invitee is null then
    raise sqlstate 'PT422' using message = format('%s is not a student of this course', email);
  end if;
  if invitee = auth.user_id() then
    raise sqlstate 'PT422' using message = 'You cannot invite yourself';
  end if;
  if exists (select 1 from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = invitee) then
    raise sqlstate 'PT422' using message = format('%s is already in a group for this assignment', email);
  end if;
  select m.* into mine from app.group_members as m
  where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
  if mine.group_id is not null and mine.status <> 'active' then
    raise sqlstate 'PT403' using message = 'Accept or decline your own invitation first';
  end if;
  added := app.group_add_member(target.assignment_id, auth.user_id(), invitee, 'pending');
  return app.group_change(target.assignment_id, 'invite', invitee, added.new_group_id, added.group_before);
end;
$$;

ALTER FUNCTION api.group_invite(assignment text, email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.group_invite(assignment text, email text) IS 'Invite a classmate into one''s group.';

CREATE FUNCTION api.group_remove(assignment text, email text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  victim app.group_members;
  mine app.group_members;
  before jsonb;
  action text;
begin
  select m.* into victim from app.group_members as m
  inner join app.users as u on m.user_id = u.id
  where m.assignment_id = target.assignment_id and lower(u.email) = lower(group_remove.email);
  if victim.group_id is null then
    raise sqlstate 'PT404' using message = format('%s is not in a group for this assignment', email);
  end if;
  if target.is_staff then
    action := 'staff_remove';
  else
    if not target.is_open then
      raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
    end if;
    select m.* into mine from app.group_members as m
    where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
    if mine.group_id is distinct from victim.group_id or mine.status <> 'active' then
      raise sqlstate 'PT403' using message = 'You can only change your own group';
    end if;
    action := case
      when victim.user_id = auth.user_id() then 'leave'
      when victim.status = 'pending' then 'revoke'
      else 'remove'
    end;
  end if;
  before := app.group_snapshot(victim.group_id);
  delete from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = victim.user_id;
  return app.group_change(target.assignment_id, action, victim.user_id, victim.group_id, before);
end;
$$;

ALTER FUNCTION api.group_remove(assignment text, email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.group_remove(assignment text, email text) IS 'Leave a group, remove a member, or revoke an invitation.';

CREATE FUNCTION api.group_respond(assignment text, accept boolean) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  mine app.group_members;
  before jsonb;
begin
  if not target.is_open then
    raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
  end if;
  select m.* into mine from app.group_members as m
  where m.assignment_id = target.assignment_id and m.user_id = auth.user_id() and m.status = 'pending';
  if mine.group_id is null then
    raise sqlstate 'PT404' using message = 'You have no pending invitation for this assignment';
  end if;
  before := app.group_snapshot(mine.group_id);
  if accept then
    update app.group_members as m set status = 'active'
    where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
    update app.backups as b set flagged = false, flagged_by = null, flagged_at = null
    where b.assignment_id = target.assignment_id and b.submitter_id = auth.user_id() and b.flagged;
  else
    delete from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
  end if;
  return app.group_change(target.assignment_id, case when accept then 'accept' else 'decline' end,
                          auth.user_id(), mine.group_id, before);
end;
$$;

ALTER FUNCTION api.group_respond(assignment text, accept boolean) OWNER TO ok_owner;

COMMENT ON FUNCTION api.group_respond(assignment text, accept boolean) IS 'Accept or decline a group invitation.';

CREATE FUNCTION api.group_staff_add(assignment text, email text, partner_email text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  student bigint;
  partner bigint;
  added record;
begin
  if not target.is_staff then
    raise sqlstate 'PT403' using message = 'Only course staff can place students in groups';
  end if;
  student := app.user_in_course(email, target.course_id);
  partner := app.user_in_course(partner_email, target.course_id);
  if student is null or partner is null then
    raise sqlstate 'PT422' using message = 'Both students must be enrolled in the course';
  end if;
  if student = partner then
    raise sqlstate 'PT422' using message = 'A student cannot be grouped with themself';
  end if;
  if exists (select 1 from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = student) then
    raise sqlstate 'PT422' using message = format('%s is already in a group for this assignment', email);
  end if;
  added := app.group_add_member(target.assignment_id, partner, student, 'active');
  return app.group_change(target.assignment_id, 'staff_add', student, added.new_group_id, added.group_before);
end;
$$;

ALTER FUNCTION api.group_staff_add(assignment text, email text, partner_email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.group_staff_add(assignment text, email text, partner_email text) IS 'Staff put a student into a group.';

CREATE FUNCTION api.is_course_staff(name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(bool_or(auth.is_staff_of(t.course_id)), false)
  from (
    select c.id as course_id from app.courses as c where c.offering = is_course_staff.name
    union all
    select a.course_id from app.assignments as a where a.name = is_course_staff.name
  ) as t
$$;

ALTER FUNCTION api.is_course_staff(name text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.is_course_staff(name text) IS 'Whether the caller is staff of the course an offering or assignment name names.';

CREATE FUNCTION api.issue_token(email text, scope text DEFAULT 'all'::text, expires_in integer DEFAULT 3600, refresh_expires_in integer DEFAULT 15552000, client_id text DEFAULT 'ok-client'::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  holder app.users;
begin
  perform app.require_admin();
  if scope is null or scope not in ('all', 'email') then
    raise sqlstate 'PT422' using message = format('Unknown scope %L: expected all or email', scope);
  end if;
  if expires_in is null or expires_in not between 60 and 31536000
     or refresh_expires_in is null or refresh_expires_in not between 60 and 31536000 then
    raise sqlstate 'PT422' using message = 'Token lifetimes must be between 60 seconds and one year';
  end if;
  select u.* into holder from app.users as u where lower(u.email) = lower(issue_token.email);
  if holder.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  if not exists (
    select 1 from auth.oauth_clients as c where c.client_id = issue_token.client_id and c.active
  ) then
    raise sqlstate 'PT404' using message = format('No active OAuth client %s', client_id);
  end if;
  return app.mint_token(holder.id, issue_token.client_id, array[scope], expires_in, refresh_expires_in);
end;
$$;

ALTER FUNCTION api.issue_token(email text, scope text, expires_in integer, refresh_expires_in integer, client_id text) OWNER TO ok_api;

COMMENT ON FUNCTION api.issue_token(email text, scope text, expires_in integer, refresh_expires_in integer, client_id text) IS 'Record a token pair for a user and return the claims to sign (admins).';

CREATE FUNCTION api.login(email text, name text DEFAULT NULL::text, lifetime integer DEFAULT 1209600) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  person_id bigint;
begin
  if login.email is null or btrim(login.email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', login.email);
  end if;
  if lifetime is null or lifetime not between 300 and 7776000 then
    raise sqlstate 'PT422' using message = 'A session lasts between 5 minutes and 90 days';
  end if;
  person_id := app.ensure_user(btrim(login.email), login.name);
  return app.start_session(person_id, now() + make_interval(secs => lifetime));
end;
$_$;

ALTER FUNCTION api.login(email text, name text, lifetime integer) OWNER TO ok_owner;

COMMENT ON FUNCTION api.login(email text, name text, lifetime integer) IS 'Sign in a verified email: records a browser session and returns its claims (web app only).';

CREATE FUNCTION api.logout() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  current_id bigint := auth.session_id();
  revoked integer;
begin
  perform app.require_login();
  if current_id is not null then
    update auth.sessions as s
    set revoked_at = now()
    where s.revoked_at is null
      and (s.id = current_id or s.id = (select c.parent_id from auth.sessions as c where c.id = current_id));
  else
    update auth.oauth_tokens as t
    set revoked_at = now()
    where t.revoked_at is null
      and t.user_id = auth.user_id()
      and t.jti = (auth.claims() ->> 'jti')::uuid;
  end if;
  get diagnostics revoked = row_count;
  return revoked > 0;
end;
$$;

ALTER FUNCTION api.logout() OWNER TO ok_owner;

COMMENT ON FUNCTION api.logout() IS 'Sign out this browser session or this access token.';

CREATE FUNCTION api.my_scores(assignment text) RETURNS TABLE(kind text, score numeric, message text, backup_key text, graded_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with target as materialized (
    select a.id, a.published_score_kinds, app.group_member_ids(a.id, auth.user_id()) as member_ids
    from app.assignments as a
    where a.name = my_scores.assignment
  )
  select distinct on (s.kind) s.kind, s.value, s.message, app.hashid_encode(s.backup_id), s.created_at
  from target as t
  inner join app.scores as s on s.assignment_id = t.id and s.user_id = any(t.member_ids)
  where not s.archived
    and s.kind = any(t.published_score_kinds)
  order by s.kind, s.value desc, s.created_at desc, s.id desc
$$;

ALTER FUNCTION api.my_scores(assignment text) OWNER TO ok_api;

COMMENT ON FUNCTION api.my_scores(assignment text) IS 'Published scores of the caller''s group, best per kind.';

CREATE FUNCTION api.next_grading_task(assignment text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select jsonb_build_object('task_id', t.id, 'backup_key', app.hashid_encode(t.backup_id), 'kind', t.kind)
  from app.grading_tasks as t
  inner join app.assignments as a on t.assignment_id = a.id
  where a.name = next_grading_task.assignment and t.grader_id = auth.user_id() and t.score_id is null
  order by t.id
  limit 1
$$;

ALTER FUNCTION api.next_grading_task(assignment text) OWNER TO ok_api;

COMMENT ON FUNCTION api.next_grading_task(assignment text) IS 'The caller''s next ungraded task.';

CREATE FUNCTION api.oauth_authorize(client_id text, redirect_uri text, scope text DEFAULT 'all'::text, code_challenge text DEFAULT NULL::text, code_challenge_method text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  client auth.oauth_clients;
  scopes text[] := string_to_array(coalesce(nullif(btrim(scope), ''), 'all'), ' ');
  code text := encode(extensions.gen_random_bytes(24), 'hex');
begin
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  if auth.sudo_by() is not null then
    raise sqlstate 'PT403' using message = 'access_denied',
      detail = 'No tokens are issued to a site admin acting as another user.';
  end if;
  select c.* into client from auth.oauth_clients as c where c.client_id = oauth_authorize.client_id and c.active;
  if client.client_id is null then
    raise sqlstate 'PT400' using message = 'invalid_client';
  end if;
  if not app.redirect_allowed(client.redirect_uris, redirect_uri) then
    raise sqlstate 'PT400' using message = 'invalid_redirect_uri';
  end if;
  if not scopes <@ client.default_scopes or not scopes <@ array['all', 'email'] then
    raise sqlstate 'PT400' using message = 'invalid_scope';
  end if;
  if code_challenge is null and code_challenge_method is not null then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'code_challenge_method without code_challenge';
  end if;
  if code_challenge is null and not client.is_confidential then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'code challenge required (PKCE, S256)';
  end if;
  if code_challenge is not null and coalesce(code_challenge_method, 'plain') <> 'S256' then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'transform algorithm not supported: use S256';
  end if;
  if code_challenge !~ '^[A-Za-z0-9_-]{43}$' then
    raise sqlstate 'PT400' using message = 'invalid_request',
    detail = 'code_challenge must be BASE64URL(SHA256(code_verifier)), 43 characters';
  end if;
  insert into auth.oauth_grants (
    client_id, user_id, code_hash, redirect_uri, scopes, expires_at, code_challenge, code_challenge_method
  )
  values (
    client.client_id, auth.user_id(), encode(extensions.digest(code, 'sha256'), 'hex'), redirect_uri, scopes,
    now() + interval '5 minutes', code_challenge, code_challenge_method
  );
  return code;
end;
$_$;

ALTER FUNCTION api.oauth_authorize(client_id text, redirect_uri text, scope text, code_challenge text, code_challenge_method text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_authorize(client_id text, redirect_uri text, scope text, code_challenge text, code_challenge_method text) IS 'Issue an authorization code to the signed-in user (PKCE S256 honoured; required for public clients).';

CREATE FUNCTION api.oauth_client_info(client_id text, redirect_uri text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select jsonb_build_object(
    'client_id', c.client_id, 'name', c.name, 'description', c.description,
    'scopes', to_jsonb(c.default_scopes),
    'redirect_ok', app.redirect_allowed(c.redirect_uris, redirect_uri)
  )
  from auth.oauth_clients as c
  where c.client_id = oauth_client_info.client_id and c.active
$$;

ALTER FUNCTION api.oauth_client_info(client_id text, redirect_uri text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_client_info(client_id text, redirect_uri text) IS 'An active OAuth client, for the consent page.';

CREATE FUNCTION api.oauth_code_pending(code text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (
    select 1
    from auth.oauth_grants as g
    where g.code_hash = encode(extensions.digest(code, 'sha256'), 'hex')
      and g.user_id = auth.user_id()
      and g.used_at is null
      and g.expires_at > now()
  )
$$;

ALTER FUNCTION api.oauth_code_pending(code text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_code_pending(code text) IS 'Whether a code is an unused, unexpired authorization code of the signed-in user (for /oauth/code).';

CREATE FUNCTION api.oauth_exchange_code(client_id text, client_secret text, code text, redirect_uri text, access_ttl integer DEFAULT 3600, refresh_ttl integer DEFAULT 15552000, code_verifier text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  client auth.oauth_clients := app.oauth_client_check(client_id, client_secret);
  grant_row auth.oauth_grants;
begin
  if client.client_id is null then
    return jsonb_build_object('error', 'invalid_client', 'error_description', 'Unknown client or wrong secret');
  end if;
  if code is null or redirect_uri is null then
    return jsonb_build_object('error', 'invalid_request', 'error_description', 'code and redirect_uri are required');
  end if;
  update auth.oauth_grants as g
  set used_at = now()
  where g.code_hash = encode(extensions.digest(code, 'sha256'), 'hex')
    and g.client_id = oauth_exchange_code.client_id
    and g.used_at is null
    and g.expires_at > now()
  returning g.* into grant_row;
  if grant_row.id is null then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'The code is invalid, used or expired');
  end if;
  if grant_row.redirect_uri <> redirect_uri then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'redirect_uri does not match');
  end if;
  if grant_row.code_challenge is null and (code_verifier is not null or not client.is_confidential) then
    return jsonb_build_object('error', 'invalid_grant', 'error_description',
                              'The code was issued without a PKCE challenge');
  end if;
  if grant_row.code_challenge is not null
     and app.pkce_challenge(code_verifier) is distinct from grant_row.code_challenge then
    return jsonb_build_object('error', 'invalid_grant', 'error_description',
                              'code_verifier does not match the code challenge');
  end if;
  return app.mint_token(grant_row.user_id, grant_row.client_id, grant_row.scopes, access_ttl, refresh_ttl);
end;
$$;

ALTER FUNCTION api.oauth_exchange_code(client_id text, client_secret text, code text, redirect_uri text, access_ttl integer, refresh_ttl integer, code_verifier text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_exchange_code(client_id text, client_secret text, code text, redirect_uri text, access_ttl integer, refresh_ttl integer, code_verifier text) IS 'authorization_code grant: spend a code (checking its PKCE verifier), mint a token pair (web app only).';

CREATE FUNCTION api.oauth_refresh(client_id text, client_secret text, refresh_token text, access_ttl integer DEFAULT 3600) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  token auth.oauth_tokens;
  holder app.users;
begin
  if (app.oauth_client_check(client_id, client_secret)).client_id is null then
    return jsonb_build_object('error', 'invalid_client', 'error_description', 'Unknown client or wrong secret');
  end if;
  update auth.oauth_tokens as t
  set jti = extensions.gen_random_uuid(),
      access_expires_at = now() + make_interval(secs => access_ttl),
      last_refreshed_at = now()
  where t.refresh_token_hash = encode(extensions.digest(coalesce(refresh_token, ''), 'sha256'), 'hex')
    and t.client_id = oauth_refresh.client_id
    and t.revoked_at is null
    and t.refresh_expires_at > now()
  returning t.* into token;
  if token.id is null then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'The refresh token is invalid, revoked or expired');
  end if;
  select u.* into holder from app.users as u where u.id = token.user_id;
  return jsonb_build_object(
    'claims', app.token_claims(holder.id, holder.email::text, holder.is_admin, token.scopes, token.jti,
                               token.access_expires_at),
    'refresh_token', refresh_token,
    'expires_in', access_ttl,
    'token_type', 'Bearer',
    'scope', array_to_string(token.scopes, ' ')
  );
end;
$$;

ALTER FUNCTION api.oauth_refresh(client_id text, client_secret text, refresh_token text, access_ttl integer) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_refresh(client_id text, client_secret text, refresh_token text, access_ttl integer) IS 'refresh_token grant: a fresh access token; the refresh token stays valid (web app only).';

CREATE FUNCTION api.oauth_revoke(client_id text, client_secret text, refresh_token text DEFAULT NULL::text, jti uuid DEFAULT NULL::uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if (app.oauth_client_check(client_id, client_secret)).client_id is null then
    return false;
  end if;
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.client_id = oauth_revoke.client_id
    and t.revoked_at is null
    and (t.refresh_token_hash = encode(extensions.digest(refresh_token, 'sha256'), 'hex') or t.jti = oauth_revoke.jti);
  return true;
end;
$$;

ALTER FUNCTION api.oauth_revoke(client_id text, client_secret text, refresh_token text, jti uuid) OWNER TO ok_owner;

COMMENT ON FUNCTION api.oauth_revoke(client_id text, client_secret text, refresh_token text, jti uuid) IS 'Revoke a token pair (RFC 7009; web app only).';

CREATE FUNCTION api.outbox_claim(batch_size integer DEFAULT 20) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
declare
  claimed jsonb;
begin
  if batch_size is null or batch_size not between 1 and 500 then
    raise sqlstate 'PT422' using message = 'batch_size must be between 1 and 500';
  end if;
  with picked as (
    select o.id
    from app.email_outbox as o
    where o.status = 'queued'
       or (o.status = 'sending' and o.claimed_at < now() - interval '10 minutes')
    order by o.id
    for update skip locked
    limit batch_size
  ),
  updated as (
    update app.email_outbox as o
    set status = 'sending', claimed_at = now(), attempts = o.attempts + 1
    from picked
    where o.id = picked.id
    returning o.id, o.to_address, o.subject, o.body_text, o.body_html, o.attempts
  )
  select coalesce(jsonb_agg(to_jsonb(u) order by u.id), '[]') into claimed from updated as u;
  return claimed;
end;
$$;

ALTER FUNCTION api.outbox_claim(batch_size integer) OWNER TO ok_owner;

COMMENT ON FUNCTION api.outbox_claim(batch_size integer) IS 'Claim queued emails for sending (worker).';

CREATE FUNCTION api.outbox_finish(outbox_id bigint, error text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql
    AS $$
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

ALTER FUNCTION api.outbox_finish(outbox_id bigint, error text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.outbox_finish(outbox_id bigint, error text) IS 'Record the outcome of sending one email (worker).';

CREATE FUNCTION api.request_extension(assignment text, reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  saved app.extension_requests;
begin
  if reason is null or btrim(reason) = '' then
    raise sqlstate 'PT422' using message = 'Please give a reason';
  end if;
  if exists (
    select 1 from app.extension_requests as r
    where r.assignment_id = target.assignment_id and r.user_id = auth.user_id() and r.status = 'pending'
  ) then
    raise sqlstate 'PT409' using message = 'You already have a pending request for this assignment';
  end if;
  insert into app.extension_requests (assignment_id, course_id, user_id, reason)
  values (target.assignment_id, target.course_id, auth.user_id(), btrim(reason))
  returning * into saved;
  return to_jsonb(saved);
end;
$$;

ALTER FUNCTION api.request_extension(assignment text, reason text) OWNER TO ok_api;

COMMENT ON FUNCTION api.request_extension(assignment text, reason text) IS 'Ask for an extension (students).';

CREATE FUNCTION api.revoke_extension(assignment text, email text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can revoke extensions';
  end if;
  delete from app.extensions as x
  using app.users as u
  where x.user_id = u.id and x.assignment_id = target.assignment_id and lower(u.email) = lower(revoke_extension.email);
  if not found then
    raise sqlstate 'PT404' using message = format('%s has no extension for this assignment', email);
  end if;
end;
$$;

ALTER FUNCTION api.revoke_extension(assignment text, email text) OWNER TO ok_api;

COMMENT ON FUNCTION api.revoke_extension(assignment text, email text) IS 'Revoke an extension (TAs, instructors).';

CREATE FUNCTION api.revoke_my_session(session_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_login();
  update auth.sessions as s
  set revoked_at = now()
  where s.id = session_id and s.user_id = auth.user_id() and s.revoked_at is null and s.expires_at > now();
  if not found then
    raise sqlstate 'PT404' using message = 'No such live session';
  end if;
end;
$$;

ALTER FUNCTION api.revoke_my_session(session_id bigint) OWNER TO ok_api;

COMMENT ON FUNCTION api.revoke_my_session(session_id bigint) IS 'Sign out one of the caller''s own browser sessions.';

CREATE FUNCTION api.revoke_my_token(token_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_login();
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.id = token_id and t.user_id = auth.user_id() and t.revoked_at is null;
  if not found then
    raise sqlstate 'PT404' using message = 'No such live token';
  end if;
end;
$$;

ALTER FUNCTION api.revoke_my_token(token_id bigint) OWNER TO ok_api;

COMMENT ON FUNCTION api.revoke_my_token(token_id bigint) IS 'Revoke one of the caller''s own tokens.';

CREATE FUNCTION api.rotate_export_token(offering text, active boolean DEFAULT true) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  fresh text := encode(extensions.gen_random_bytes(24), 'hex');
  target_course_id bigint;
begin
  perform app.require_login();
  select c.id into target_course_id from app.courses as c where c.offering = rotate_export_token.offering;
  if target_course_id is null then
    raise sqlstate 'PT404' using message = format('No course %s', offering);
  end if;
  if not auth.is_admin() and not target_course_id = any(auth.course_ids('instructor')) then
    raise sqlstate 'PT403' using message = 'Only instructors can change the export token';
  end if;
  update app.courses as c
  set export_token_hash = encode(extensions.digest(fresh, 'sha256'), 'hex'),
      export_token_active = coalesce(rotate_export_token.active, true)
  where c.id = target_course_id;
  return fresh;
end;
$$;

ALTER FUNCTION api.rotate_export_token(offering text, active boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.rotate_export_token(offering text, active boolean) IS 'Issue a new course export token (returned once) and enable or disable it (instructors).';

CREATE FUNCTION api.set_client_version(name text, version text, download_link text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  saved app.client_versions;
begin
  perform app.require_admin();
  if name is null or name !~ '^[A-Za-z0-9_.-]{1,64}$' then
    raise sqlstate 'PT422' using message = format('Malformed client name %L', name);
  end if;
  if version is null or version !~ '^v?[0-9]+(\.[0-9]+)*$' then
    raise sqlstate 'PT422' using message = format('Malformed version %L: expected e.g. v1.18.1', version);
  end if;
  if download_link is not null and download_link !~ '^https?://\S+$' then
    raise sqlstate 'PT422' using message = format('Malformed download link %L', download_link);
  end if;
  insert into app.client_versions as v (name, current_version, download_link)
  values (set_client_version.name, version, download_link)
  on conflict on constraint client_versions_pkey do update
  set current_version = excluded.current_version,
      download_link = coalesce(excluded.download_link, v.download_link),
      updated_at = now()
  returning v.* into saved;
  return to_jsonb(saved);
end;
$_$;

ALTER FUNCTION api.set_client_version(name text, version text, download_link text) OWNER TO ok_api;

COMMENT ON FUNCTION api.set_client_version(name text, version text, download_link text) IS 'Publish the current version and download link of a client (admins).';

CREATE FUNCTION api.set_submission_time(key text, at text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target app.backups;
  tz text;
begin
  perform app.require_login();
  select b.* into target from app.backups as b
  where b.id = app.hashid_decode(key)
    and (auth.is_staff_of(b.course_id));
  if target.id is null then
    raise sqlstate 'PT404' using message = 'No backup with that key in your courses';
  end if;
  select c.timezone into tz from app.courses as c where c.id = target.course_id;
  update app.backups as b
  set custom_submission_time = case when at is null then null else app.parse_course_time(at, tz) end
  where b.id = target.id;
end;
$$;

ALTER FUNCTION api.set_submission_time(key text, at text) OWNER TO ok_api;

COMMENT ON FUNCTION api.set_submission_time(key text, at text) IS 'Override when one backup counts as submitted (staff).';

CREATE FUNCTION api.sign_out_everywhere() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me bigint := auth.user_id();
  sessions_revoked integer;
  tokens_revoked integer;
begin
  perform app.require_login();
  update auth.sessions as s
  set revoked_at = now()
  where s.revoked_at is null
    and s.expires_at > now()
    and (s.user_id = me
         or s.sudo_by = me
         or s.id = (select c.parent_id from auth.sessions as c where c.id = auth.session_id()));
  get diagnostics sessions_revoked = row_count;
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.revoked_at is null and t.user_id = me;
  get diagnostics tokens_revoked = row_count;
  return sessions_revoked + tokens_revoked;
end;
$$;

ALTER FUNCTION api.sign_out_everywhere() OWNER TO ok_owner;

COMMENT ON FUNCTION api.sign_out_everywhere() IS 'Revoke all of the caller''s browser sessions and OAuth tokens (every device).';

CREATE FUNCTION api.stop_sudo() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  acting record;
  admin app.users;
  origin record;
begin
  select s.id, s.user_id, s.sudo_by, s.parent_id into acting
  from auth.sessions as s
  where s.id = auth.session_id() and s.sudo_by is not null;
  if not found then
    raise sqlstate 'PT409' using message = 'You are not acting as another user';
  end if;
  update auth.sessions as s set revoked_at = now() where s.id = acting.id and s.revoked_at is null;
  select u.* into admin from app.users as u where u.id = acting.sudo_by;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (admin.id, admin.email::text, 'sudo_end', 'users', jsonb_build_object('id', acting.user_id),
          jsonb_build_object('acting_as', auth.claims() ->> 'email'));
  select p.jti, p.expires_at into origin
  from auth.sessions as p
  where p.id = acting.parent_id and p.revoked_at is null and p.expires_at > now();
  if not found or not admin.is_admin then
    update auth.sessions as p set revoked_at = now() where p.id = acting.parent_id and p.revoked_at is null;
    return null;
  end if;
  return app.token_claims(admin.id, admin.email::text, true, null, origin.jti, origin.expires_at);
end;
$$;

ALTER FUNCTION api.stop_sudo() OWNER TO ok_owner;

COMMENT ON FUNCTION api.stop_sudo() IS 'Stop acting as another user: ends the impersonation session, returns the admin''s own session claims or null.';

CREATE FUNCTION api.sudo(email text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  person app.users;
  origin record;
begin
  perform app.require_admin();
  if auth.sudo_by() is not null then
    raise sqlstate 'PT409' using message = 'Stop acting as another user first';
  end if;
  select s.id, s.expires_at into origin
  from auth.sessions as s
  where s.id = auth.session_id();
  if not found then
    raise sqlstate 'PT403' using message = 'Acting as another user starts from a signed-in browser';
  end if;
  select u.* into person from app.users as u where lower(u.email) = lower(sudo.email);
  if person.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (auth.user_id(), auth.actor(), 'sudo', 'users', jsonb_build_object('id', person.id),
          jsonb_build_object('acting_as', person.email));
  return app.start_session(person.id, origin.expires_at, auth.user_id(), origin.id);
end;
$$;

ALTER FUNCTION api.sudo(email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.sudo(email text) IS 'Act as another user (admins): an audited impersonation session.';

CREATE FUNCTION api.sudo_preview(email text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  person jsonb;
begin
  perform app.require_admin();
  select jsonb_build_object(
    'email', u.email, 'name', u.name, 'is_admin', u.is_admin,
    'courses', coalesce((
      select jsonb_agg(jsonb_build_object('offering', c.offering, 'display_name', c.display_name, 'role', e.role)
                       order by c.offering)
      from app.enrollments as e
      inner join app.courses as c on e.course_id = c.id
      where e.user_id = u.id
    ), '[]'::jsonb)
  )
  into person
  from app.users as u
  where lower(u.email) = lower(sudo_preview.email);
  if person is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  return person;
end;
$$;

ALTER FUNCTION api.sudo_preview(email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.sudo_preview(email text) IS 'Who an admin is about to act as: name, admin flag, courses (admins).';

CREATE FUNCTION api.unflag(assignment text, email text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  target record := app.assignment_for_change(assignment);
  whose bigint := auth.user_id();
  cleared integer;
begin
  if email is not null then
    if not target.is_staff then
      raise sqlstate 'PT403' using message = 'Only staff can change another student''s flag';
    end if;
    select u.id into whose from app.users as u where lower(u.email) = lower(unflag.email);
    if whose is null then
      raise sqlstate 'PT404' using message = format('No user %s', email);
    end if;
  elsif not target.is_open and not target.is_staff then
    raise sqlstate 'PT403' using message = 'The assignment is closed: ask your course staff to change your flag';
  end if;
  update app.backups as b
  set flagged = false, flagged_by = null, flagged_at = null
  where b.assignment_id = target.assignment_id and b.flagged
    and b.submitter_id = any(app.group_member_ids(target.assignment_id, whose));
  get diagnostics cleared = row_count;
  return cleared;
end;
$$;

ALTER FUNCTION api.unflag(assignment text, email text) OWNER TO ok_owner;

COMMENT ON FUNCTION api.unflag(assignment text, email text) IS 'Clear a group''s flag.';

CREATE FUNCTION api.unqueued_submissions(assignment text) RETURNS TABLE(members text[], backup_key text, reason text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select f.members, f.backup_key, f.reason
  from api.final_submissions(unqueued_submissions.assignment) as f
  where f.backup_key is not null
    and not exists (
      select 1 from app.grading_tasks as t where t.backup_id = app.hashid_decode(f.backup_key)
    )
$$;

ALTER FUNCTION api.unqueued_submissions(assignment text) OWNER TO ok_api;

COMMENT ON FUNCTION api.unqueued_submissions(assignment text) IS 'Final submissions that are in no grading queue.';

CREATE FUNCTION api.update_course(offering text, display_name text DEFAULT NULL::text, timezone text DEFAULT NULL::text, active boolean DEFAULT NULL::boolean) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  saved app.courses;
  target_id bigint;
begin
  perform app.require_login();
  select c.id into target_id from app.courses as c where c.offering = update_course.offering;
  if target_id is null then
    raise sqlstate 'PT404' using message = format('No course %s', offering);
  end if;
  if not auth.is_admin() and not target_id = any(auth.course_ids('instructor')) then
    raise sqlstate 'PT403' using message = 'Only instructors can change course settings';
  end if;
  if display_name is not null and btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  if timezone is not null and not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = timezone) then
    raise sqlstate 'PT422' using message = format('Unknown timezone %L', timezone);
  end if;
  update app.courses as c
  set display_name = coalesce(btrim(update_course.display_name), c.display_name),
      timezone = coalesce(update_course.timezone, c.timezone),
      active = coalesce(update_course.active, c.active)
  where c.id = target_id
  returning c.* into saved;
  return jsonb_build_object('offering', saved.offering, 'display_name', saved.display_name,
                            'timezone', saved.timezone, 'active', saved.active);
end;
$$;

ALTER FUNCTION api.update_course(offering text, display_name text, timezone text, active boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.update_course(offering text, display_name text, timezone text, active boolean) IS 'Change course settings (instructors).';

CREATE FUNCTION api.v3_assignment_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  found_row jsonb;
begin
  if auth.user_id() is null then
    return app.v3_reply(401, '{}', 'Not logged in');
  end if;
  select jsonb_build_object(
    'name', a.name, 'display_name', a.display_name,
    'due_date', app.v3_time(a.due_at), 'lock_date', app.v3_time(a.lock_at),
    'max_group_size', a.max_group_size, 'url', coalesce(a.url, ''),
    'files', case when a.template_files = '{}' then null else a.template_files end,
    'revisions_allowed', a.revisions_allowed, 'uploads_enabled', a.uploads_enabled,
    'course', app.v3_course(c)
  )
  into found_row
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = app.v3_header('x-ok-name');
  if found_row is null then
    if app.assignment_exists(app.v3_header('x-ok-name')) then
      return app.v3_reply(403, '{}', 'This assignment is not visible to you');
    end if;
    return app.v3_reply(404, '{}', format('Assignment %s does not exist', app.v3_header('x-ok-name')));
  end if;
  return app.v3_reply(200, found_row);
end;
$$;

ALTER FUNCTION api.v3_assignment_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_assignment_get() IS 'GET /api/v3/assignment/<name>: due dates and settings.';

CREATE FUNCTION api.v3_assignment_post(display_name text DEFAULT NULL::text, due_date text DEFAULT NULL::text, lock_date text DEFAULT NULL::text, max_group_size integer DEFAULT NULL::integer, url text DEFAULT NULL::text, revisions_allowed boolean DEFAULT NULL::boolean, autograding_key text DEFAULT NULL::text, continuous_autograding boolean DEFAULT NULL::boolean, uploads_enabled boolean DEFAULT NULL::boolean, upload_info text DEFAULT NULL::text, visible boolean DEFAULT NULL::boolean) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  denied jsonb := app.v3_auth_error('all');
  assignment_name text := app.v3_header('x-ok-name');
  course app.courses;
  existing app.assignments;
  due_at timestamptz;
  lock_at timestamptz;
begin
  if denied is not null then
    return denied;
  end if;
  select c.* into course from app.courses as c where c.offering = regexp_replace(assignment_name, '/\w+$', '');
  if course.id is null then
    return app.v3_reply(404, '{}', 'No course for ' || assignment_name);
  end if;
  if not auth.is_admin() and not course.id = any(auth.course_ids('ta', 'instructor')) then
    return app.v3_reply(403, '{}', 'Only staff of ' || course.offering || ' can change its assignments');
  end if;
  select a.* into existing from app.assignments as a where a.name = assignment_name;
  if existing.id is null and (display_name is null or due_date is null or lock_date is null) then
    return app.v3_reply(400, '{}', 'display_name, due_date and lock_date are required');
  end if;
  if btrim(display_name) = '' then
    return app.v3_reply(400, '{}', 'display_name must not be empty');
  end if;
  begin
    due_at := case when due_date is null then existing.due_at else app.parse_course_time(due_date, course.timezone) end;
    lock_at := case when lock_date is null then existing.lock_at else app.parse_course_time(lock_date, course.timezone) end;
  exception
    when sqlstate 'PT422' then
      return app.v3_reply(400, '{}', sqlerrm);
  end;
  if lock_at < due_at then
    return app.v3_reply(400, '{}', 'The lock date must not be before the due date');
  end if;
  if max_group_size < 1 then
    return app.v3_reply(400, '{}', 'max_group_size must be at least 1');
  end if;
  insert into app.assignments as a (
    course_id, name, display_name, due_at, lock_at, max_group_size, url, revisions_allowed,
    autograder_key, continuous_autograding, uploads_enabled, upload_info, visible, creator_id
  )
  values (
    course.id, assignment_name, btrim(display_name), due_at, lock_at, coalesce(max_group_size, 1), coalesce(url, ''),
    coalesce(revisions_allowed, false), autograding_key, coalesce(continuous_autograding, false),
    coalesce(uploads_enabled, true), upload_info, coalesce(visible, true), auth.user_id()
  )
  on conflict on constraint assignments_name_key do update
  set display_name = coalesce(btrim(v3_assignment_post.display_name), a.display_name),
      due_at = excluded.due_at,
      lock_at = excluded.lock_at,
      max_group_size = coalesce(v3_assignment_post.max_group_size, a.max_group_size),
      url = coalesce(v3_assignment_post.url, a.url),
      revisions_allowed = coalesce(v3_assignment_post.revisions_allowed, a.revisions_allowed),
      autograder_key = coalesce(v3_assignment_post.autograding_key, a.autograder_key),
      continuous_autograding = coalesce(v3_assignment_post.continuous_autograding, a.continuous_autograding),
      uploads_enabled = coalesce(v3_assignment_post.uploads_enabled, a.uploads_enabled),
      upload_info = coalesce(v3_assignment_post.upload_info, a.upload_info),
      visible = coalesce(v3_assignment_post.visible, a.visible);
  return app.v3_reply(200, '{}');
end;
$_$;

ALTER FUNCTION api.v3_assignment_post(display_name text, due_date text, lock_date text, max_group_size integer, url text, revisions_allowed boolean, autograding_key text, continuous_autograding boolean, uploads_enabled boolean, upload_info text, visible boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_assignment_post(display_name text, due_date text, lock_date text, max_group_size integer, url text, revisions_allowed boolean, autograding_key text, continuous_autograding boolean, uploads_enabled boolean, upload_info text, visible boolean) IS 'POST /api/v3/assignment/<name>: create or update an assignment (staff).';

CREATE FUNCTION api.v3_backup_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  backup_id bigint := app.hashid_decode(app.v3_header('x-ok-key'));
  found_backup jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if backup_id is null then
    return app.v3_reply(404, '{}', 'No backup with that key');
  end if;
  found_backup := app.v3_backups_json(array[backup_id]) -> 0;
  if found_backup is null then
    if auth.is_admin() then
      return app.v3_reply(404, '{}', 'No backup with that key');
    end if;
    return app.v3_reply(403, '{}', 'You cannot view this backup');
  end if;
  return app.v3_reply(200, found_backup);
end;
$$;

ALTER FUNCTION api.v3_backup_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_backup_get() IS 'GET /api/v3/backups/<key>/: a backup with its messages.';

CREATE FUNCTION api.v3_backups_post(assignment text DEFAULT NULL::text, messages jsonb DEFAULT NULL::jsonb, submit boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  denied jsonb := app.v3_auth_error('all');
  target record;
  accepted boolean;
  created app.backups;
  max_kinds integer := coalesce(nullif(current_setting('okv3.backup_max_message_kinds', true), '')::integer, 50);
begin
  if denied is not null then
    return denied;
  end if;
  if assignment is null or btrim(assignment) = '' then
    return app.v3_reply(400, '{}', 'Missing argument: assignment (the name of the assignment)');
  end if;
  if messages is null or jsonb_typeof(messages) <> 'object' then
    return app.v3_reply(400, '{}', 'Invalid argument: messages must be a JSON object');
  end if;
  if messages ? '' then
    return app.v3_reply(400, '{}', 'Invalid argument: a message kind may not be empty');
  end if;
  if (select count(*) from jsonb_object_keys(messages) as k) > max_kinds then
    return app.v3_reply(400, '{}', format('Invalid argument: at most %s message kinds per backup', max_kinds));
  end if;
  if jsonb_path_exists(messages, 'strict $.**{64}') then
    return app.v3_reply(400, '{}', 'Invalid argument: messages may not nest 64 or more levels deep');
  end if;

  select a.id, a.course_id, a.name, a.lock_at, c.offering, c.display_name, c.active, c.timezone
  into target
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = v3_backups_post.assignment;
  if target.id is null then
    return app.v3_reply(403, '{"data": {"backup": true}}', 'Assignment does not exist');
  end if;

  -- The unit's effective lock date (app.unit_dates) is never before the assignment's, so it is
  -- only looked up for a submit after the assignment's own lock date.
  accepted := coalesce(submit, false)
    and (now() <= target.lock_at
         or now() <= (app.unit_dates(target.id, app.group_member_ids(target.id, auth.user_id()))).lock_at);

  insert into app.backups (assignment_id, course_id, submitter_id, submit, client_name, client_version)
  values (
    target.id, target.course_id, auth.user_id(), accepted,
    left(app.v3_header('x-ok-client-name'), 100), left(app.v3_header('x-ok-client-version'), 100)
  )
  returning * into created;

  insert into app.messages (backup_id, kind, contents)
  select created.id, m.key, m.value
  from jsonb_each(messages) as m;

  if coalesce(submit, false) and not accepted then
    return app.v3_reply(403, '{"data": {"backup": true, "late": true}}', 'Late Submission of ' || target.name);
  end if;

  return app.v3_reply(200, jsonb_build_object(
    'email', auth.claims() ->> 'email',
    'key', app.hashid_encode(created.id),
    'course', jsonb_build_object(
      'id', target.course_id, 'offering', target.offering, 'display_name', target.display_name,
      'active', target.active, 'timezone', target.timezone
    ),
    'assignment', target.name
  ));
end;
$_$;

ALTER FUNCTION api.v3_backups_post(assignment text, messages jsonb, submit boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_backups_post(assignment text, messages jsonb, submit boolean) IS 'POST /api/v3/backups/: store a backup or submission (ok-client).';

CREATE FUNCTION api.v3_comments_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  target_id bigint := app.hashid_decode(app.v3_header('x-ok-key'));
begin
  if denied is not null then
    return denied;
  end if;
  if target_id is null then
    return app.v3_reply(404, '{}', 'No backup with that key');
  end if;
  if not exists (select 1 from app.backups as b where b.id = target_id) then
    return app.v3_reply(403, '{}', 'You cannot view this backup');
  end if;
  return app.v3_reply(200, jsonb_build_object('comments', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', app.hashid_encode(cm.id), 'filename', cm.filename, 'line', cm.line, 'message', cm.message,
      'author', jsonb_build_object('id', app.hashid_encode(cm.author_id), 'email', u.email),
      'created', app.v3_time(cm.created_at), 'updated', app.v3_time(cm.updated_at)
    ) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
    from app.comments as cm
    left join app.users as u on cm.author_id = u.id
    where cm.backup_id = target_id
  )));
end;
$$;

ALTER FUNCTION api.v3_comments_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_comments_get() IS 'GET /api/v3/backups/<key>/comment/: comments on a backup.';

CREATE FUNCTION api.v3_comments_post(filename text DEFAULT NULL::text, line integer DEFAULT NULL::integer, message text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  target app.backups;
begin
  if denied is not null then
    return denied;
  end if;
  if filename is null or line is null or message is null or btrim(message) = '' or line < 0 then
    return app.v3_reply(400, '{}', 'filename, line (0 or more) and message are required');
  end if;
  select b.* into target from app.backups as b where b.id = app.hashid_decode(app.v3_header('x-ok-key'));
  if app.hashid_decode(app.v3_header('x-ok-key')) is null then
    return app.v3_reply(404, '{}', 'No backup with that key');
  end if;
  if target.id is null then
    return app.v3_reply(403, '{}', 'You cannot comment on this backup');
  end if;
  insert into app.comments (backup_id, course_id, author_id, filename, line, message)
  values (target.id, target.course_id, auth.user_id(), filename, line, message);
  return app.v3_reply(200, '{}');
end;
$$;

ALTER FUNCTION api.v3_comments_post(filename text, line integer, message text) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_comments_post(filename text, line integer, message text) IS 'POST /api/v3/backups/<key>/comment/: add a line comment.';

CREATE FUNCTION api.v3_course_assignments_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  listed_course_id bigint;
begin
  select c.id into listed_course_id from app.courses as c where c.offering = app.v3_header('x-ok-offering');
  if listed_course_id is null then
    return app.v3_reply(404, '{}', 'No such course');
  end if;
  return app.v3_reply(200, jsonb_build_object('assignments', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'name', a.name, 'display_name', a.display_name,
      'due_date', app.v3_time(a.due_at), 'lock_date', app.v3_time(a.lock_at),
      'max_group_size', a.max_group_size, 'url', coalesce(a.url, ''),
      'active', case when now() <= a.lock_at then 'True' else 'False' end
    ) order by a.due_at, a.name), '[]'::jsonb)
    from app.assignments as a
    where a.course_id = listed_course_id
  )));
end;
$$;

ALTER FUNCTION api.v3_course_assignments_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_course_assignments_get() IS 'GET /api/v3/course/<offering>/assignments: the course''s assignments (public).';

CREATE FUNCTION api.v3_course_enrollment_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  access jsonb := app.v3_course_access();
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  return app.v3_reply(200, (
    select jsonb_build_object('student', '[]'::jsonb, 'lab assistant', '[]'::jsonb, 'grader', '[]'::jsonb,
                              'staff', '[]'::jsonb, 'instructor', '[]'::jsonb)
      || coalesce(jsonb_object_agg(r.role_name, r.people), '{}'::jsonb)
    from (
      select app.v3_role_name(e.role::text) as role_name,
             jsonb_agg(jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email) order by u.email) as people
      from app.enrollments as e
      inner join app.users as u on e.user_id = u.id
      where e.course_id = (access ->> 'course_id')::bigint
      group by e.role
    ) as r
  ));
end;
$$;

ALTER FUNCTION api.v3_course_enrollment_get() OWNER TO ok_owner;

COMMENT ON FUNCTION api.v3_course_enrollment_get() IS 'GET /api/v3/course/<offering>/[export/]enrollment: enrollment by role (staff or export token).';

CREATE FUNCTION api.v3_course_grades_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  access jsonb := app.v3_course_access();
  grade_course_id bigint;
  csv text;
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  grade_course_id := (access ->> 'course_id')::bigint;
  with columns as (
    select c.col, c.title from app.grade_columns(grade_course_id) as c
  ),
  students as (
    select u.id, u.email::text as email, e.sid
    from app.enrollments as e
    inner join app.users as u on e.user_id = u.id
    where e.course_id = grade_course_id and e.role = 'student'
  ),
  rows_out as (
    select g.student_id, string_agg(trim_scale(g.value)::text, ',' order by g.col) as line
    from app.grade_cells(grade_course_id) as g
    group by g.student_id
  )
  select
    concat_ws(',', 'Email', 'SID', (select string_agg(app.csv_field(c.title), ',' order by c.col) from columns as c))
    || E'\r\n'
    || coalesce((
      select string_agg(concat_ws(',', app.csv_field(s.email), app.csv_field(s.sid), r.line) || E'\r\n', ''
                        order by s.email)
      from students as s
      left join rows_out as r on r.student_id = s.id
    ), '')
  into csv;
  return app.v3_reply(200, jsonb_build_object('requester', access ->> 'requester', 'grades', csv));
end;
$$;

ALTER FUNCTION api.v3_course_grades_get() OWNER TO ok_owner;

COMMENT ON FUNCTION api.v3_course_grades_get() IS 'GET /api/v3/course/<offering>/[export/]grades: the gradebook as CSV (staff or export token).';

CREATE FUNCTION api.v3_course_roster_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  access jsonb := app.v3_course_access();
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  return app.v3_reply(200, jsonb_build_object(
    'requester', access ->> 'requester',
    'roster', (
      select 'email,name,sid,class_account,section,role' || E'\r\n' || coalesce(string_agg(
        concat_ws(',', app.csv_field(u.email::text), app.csv_field(u.name), app.csv_field(e.sid),
                  app.csv_field(e.class_account), app.csv_field(e.section), 'Student') || E'\r\n',
        '' order by u.email), '')
      from app.enrollments as e
      inner join app.users as u on e.user_id = u.id
      where e.course_id = (access ->> 'course_id')::bigint and e.role = 'student'
    )
  ));
end;
$$;

ALTER FUNCTION api.v3_course_roster_get() OWNER TO ok_owner;

COMMENT ON FUNCTION api.v3_course_roster_get() IS 'GET /api/v3/course/<offering>/[export/]roster: students as CSV (staff or export token).';

CREATE FUNCTION api.v3_enrollment_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  wanted text := app.v3_header('x-ok-email');
  courses jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if lower(wanted) <> lower(auth.claims() ->> 'email') and not auth.is_admin() then
    return app.v3_reply(403, '{}', 'You can only list your own enrollments');
  end if;
  if not exists (select 1 from app.users as u where lower(u.email) = lower(wanted)) then
    return app.v3_reply(404, '{}', format('No user %s', wanted));
  end if;
  select app.v3_participations(u.id) into courses
  from app.users as u
  where lower(u.email) = lower(wanted);
  return app.v3_reply(200, jsonb_build_object('courses', courses));
end;
$$;

ALTER FUNCTION api.v3_enrollment_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_enrollment_get() IS 'GET /api/v3/enrollment/<email>/: that user''s participations.';

CREATE FUNCTION api.v3_export_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  page record := app.v3_page();
  target_assignment app.assignments;
  target_user bigint;
  total bigint;
  ids bigint[];
begin
  if denied is not null then
    return denied;
  end if;
  if page.page_limit is null then
    return app.v3_reply(400, '{}', 'limit must be 1..1000 and offset 0 or more');
  end if;
  select a.* into target_assignment from app.assignments as a where a.name = app.v3_header('x-ok-name');
  if target_assignment.id is null then
    return app.v3_reply(404, '{}', 'No such assignment');
  end if;
  if lower(app.v3_header('x-ok-email')) <> lower(auth.claims() ->> 'email')
     and not auth.is_staff_of(target_assignment.course_id) then
    return app.v3_reply(403, '{}', 'You can only export your own backups');
  end if;
  select u.id into target_user from app.users as u where lower(u.email) = lower(app.v3_header('x-ok-email'));
  if target_user is null then
    return app.v3_reply(404, '{}', 'No such user');
  end if;
  select count(*) into total
  from app.backups as b
  where b.assignment_id = target_assignment.id and b.submitter_id = target_user;
  select array_agg(p.id order by p.created_at desc, p.id desc) into ids
  from (
    select b.id, b.created_at
    from app.backups as b
    where b.assignment_id = target_assignment.id and b.submitter_id = target_user
    order by b.created_at desc, b.id desc
    limit page.page_limit offset page.page_offset
  ) as p;
  return app.v3_reply(200, jsonb_build_object(
    'backups', app.v3_backups_json(coalesce(ids, '{}')),
    'count', total, 'limit', page.page_limit, 'offset', page.page_offset,
    'has_more', page.page_offset + page.page_limit < total
  ));
end;
$$;

ALTER FUNCTION api.v3_export_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_export_get() IS 'GET /api/v3/assignment/<name>/export/<email>: one user''s backups.';

CREATE FUNCTION api.v3_group_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  target_assignment app.assignments;
  target_user bigint;
  target_group bigint;
begin
  if denied is not null then
    return denied;
  end if;
  select a.* into target_assignment from app.assignments as a where a.name = app.v3_header('x-ok-name');
  -- A hidden assignment is unknown to all but its course's staff.
  if target_assignment.id is null
     or not (target_assignment.visible or auth.is_staff_of(target_assignment.course_id)) then
    return app.v3_reply(404, '{}', 'No such assignment');
  end if;
  select u.id into target_user from app.users as u where lower(u.email) = lower(app.v3_header('x-ok-email'));
  -- Only admins learn that an email is unknown; everyone else gets the same 403 as for a
  -- group they may not view, so the endpoint does not reveal which emails exist.
  if target_user is null and auth.is_admin() then
    return app.v3_reply(404, '{}', 'No such user');
  end if;
  select gm.group_id into target_group
  from app.group_members as gm
  where gm.assignment_id = target_assignment.id and gm.user_id = target_user;
  if target_user is null or not (
    auth.is_staff_of(target_assignment.course_id)
    or target_user = auth.user_id()
    or exists (
      select 1 from app.group_members as me
      where me.group_id = target_group and me.user_id = auth.user_id()
    )
  ) then
    return app.v3_reply(403, '{}', 'You cannot view this group');
  end if;
  return app.v3_reply(200, jsonb_build_object('members', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'status', gm.status, 'user', jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email),
      'created', app.v3_time(gm.created_at), 'updated', app.v3_time(gm.created_at)
    ) order by gm.created_at, u.email), '[]'::jsonb)
    from app.group_members as gm
    inner join app.users as u on gm.user_id = u.id
    where gm.group_id = target_group
  )));
end;
$$;

ALTER FUNCTION api.v3_group_get() OWNER TO ok_owner;

COMMENT ON FUNCTION api.v3_group_get() IS 'GET /api/v3/assignment/<name>/group/<email>: a group''s members.';

CREATE FUNCTION api.v3_info() RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select app.v3_reply(200, jsonb_build_object(
    'version', 'v3', 'url', '/api/v3/',
    'documentation', 'https://okpy.github.io/documentation', 'github', 'https://github.com/okpy/ok'
  ))
$$;

ALTER FUNCTION api.v3_info() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_info() IS 'GET /api/v3/: API information.';

CREATE FUNCTION api.v3_revision_post(assignment text DEFAULT NULL::text, messages jsonb DEFAULT NULL::jsonb, submit boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  stored jsonb := api.v3_backups_post(assignment, messages, false);
  target app.assignments;
  final_id bigint;
begin
  if (stored ->> 'code')::integer <> 200 then
    return stored;
  end if;
  select a.* into target from app.assignments as a where a.name = v3_revision_post.assignment;
  if not coalesce(target.revisions_allowed, false) then
    return app.v3_reply(403, '{"data": {"backup": true, "late": true}}', 'Revisions are not enabled for ' || target.name);
  end if;
  -- the group's final submission, by the one rule (app.final_submissions), if it is a submission
  select f.backup_id into final_id
  from app.final_submissions(target.id, auth.user_id()) as f
  where auth.user_id() = any(f.member_ids) and f.is_submission;
  if final_id is null then
    return app.v3_reply(403, '{}', 'No Submission to Revise');
  end if;
  perform app.record_revision(app.hashid_decode(stored -> 'data' ->> 'key'), final_id);
  return stored;
end;
$$;

ALTER FUNCTION api.v3_revision_post(assignment text, messages jsonb, submit boolean) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_revision_post(assignment text, messages jsonb, submit boolean) IS 'POST /api/v3/revision/: submit a revision.';

CREATE FUNCTION api.v3_score_post(bid text DEFAULT NULL::text, kind text DEFAULT NULL::text, score numeric DEFAULT NULL::numeric, message text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  target app.backups;
  clean_kind text := lower(btrim(kind));
begin
  if denied is not null then
    return denied;
  end if;
  if bid is null or clean_kind is null or clean_kind = '' or score is null or message is null then
    return app.v3_reply(400, '{}', 'bid, kind, score and message are required');
  end if;
  if not (score between -1e15 and 1e15) then  -- false for NaN (greater than every number) too
    return app.v3_reply(400, '{}', 'score must be a finite number between -1e15 and 1e15');
  end if;
  if app.hashid_decode(bid) is null then
    return app.v3_reply(404, '{}', 'No backup with that key');
  end if;
  select b.* into target
  from app.backups as b
  where b.id = app.hashid_decode(bid)
    and auth.is_staff_of(b.course_id)
  for update;
  if target.id is null then
    return app.v3_reply(401, '{}', 'Only staff of the course can score this backup');
  end if;
  update app.scores as s
  set archived = true
  where s.backup_id = target.id and s.kind = clean_kind and not s.archived;
  insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
  values (target.id, target.assignment_id, target.course_id, target.submitter_id, auth.user_id(), clean_kind,
          score, message);
  return app.v3_reply(200, '{"success": true}', null);
end;
$$;

ALTER FUNCTION api.v3_score_post(bid text, kind text, score numeric, message text) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_score_post(bid text, kind text, score numeric, message text) IS 'POST /api/v3/score/: record a score.';

CREATE FUNCTION api.v3_submissions_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('all');
  page record := app.v3_page();
  target app.assignments;
  ids bigint[];
begin
  if denied is not null then
    return denied;
  end if;
  if page.page_limit is null then
    return app.v3_reply(400, '{}', 'limit must be 1..1000 and offset 0 or more');
  end if;
  select a.* into target from app.assignments as a where a.name = app.v3_header('x-ok-name');
  if target.id is null then
    return app.v3_reply(404, '{}', 'No such assignment');
  end if;
  if not auth.is_staff_of(target.course_id) then
    return app.v3_reply(403, '{}', 'Only staff of the course can export submissions');
  end if;
  select coalesce(array_agg(f.backup_id order by f.backup_id), '{}') into ids
  from app.final_submissions(target.id) as f
  where f.backup_id is not null;
  return app.v3_reply(200, jsonb_build_object(
    'backups', app.v3_backups_json(ids[page.page_offset + 1:page.page_offset + page.page_limit]),
    'count', cardinality(ids), 'limit', page.page_limit, 'offset', page.page_offset,
    'has_more', page.page_offset + page.page_limit < cardinality(ids)
  ));
end;
$$;

ALTER FUNCTION api.v3_submissions_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_submissions_get() IS 'GET /api/v3/assignment/<name>/submissions/: final submissions, paginated (staff).';

CREATE FUNCTION api.v3_user_get() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  denied jsonb := app.v3_auth_error('email');
  wanted text := coalesce(app.v3_header('x-ok-email'), auth.claims() ->> 'email');
  found_user jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if lower(wanted) <> lower(auth.claims() ->> 'email') and not auth.is_admin() then
    return app.v3_reply(403, '{}', 'You can only look up your own account');
  end if;
  select jsonb_build_object(
    'id', app.hashid_encode(u.id), 'email', u.email, 'name', u.name, 'is_admin', u.is_admin,
    'participations', app.v3_participations(u.id)
  )
  into found_user
  from app.users as u
  where lower(u.email) = lower(wanted);
  if found_user is null then
    return app.v3_reply(404, '{}', format('No user %s', wanted));
  end if;
  return app.v3_reply(200, found_user);
end;
$$;

ALTER FUNCTION api.v3_user_get() OWNER TO ok_owner;

COMMENT ON FUNCTION api.v3_user_get() IS 'GET /api/v3/user/[<email>]: a user and their participations.';

CREATE FUNCTION api.v3_version_get() RETURNS jsonb
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select app.v3_reply(200, jsonb_build_object('results', coalesce(jsonb_agg(
    jsonb_build_object('name', v.name, 'current_version', v.current_version, 'download_link', v.download_link)
    order by v.name), '[]'::jsonb)))
  from app.client_versions as v
  where app.v3_header('x-ok-name') is null or v.name = app.v3_header('x-ok-name')
$$;

ALTER FUNCTION api.v3_version_get() OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_version_get() IS 'GET /api/v3/version/[<name>]: client versions.';

CREATE FUNCTION api.v3_version_post(current_version text DEFAULT NULL::text, download_link text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  denied jsonb := app.v3_auth_error('all');
begin
  if denied is not null then
    return denied;
  end if;
  if not auth.is_admin() then
    return app.v3_reply(403, '{}', 'Only site administrators can change client versions');
  end if;
  if current_version is null or download_link is null then
    return app.v3_reply(400, '{}', 'Missing argument: current_version and download_link are required');
  end if;
  if current_version !~ '^v?[0-9]+(\.[0-9]+)*$' then
    return app.v3_reply(400, '{}', format('Malformed version %L', current_version));
  end if;
  if download_link !~ '^https?://\S+$' then
    return app.v3_reply(400, '{}', 'URL is not valid');
  end if;
  update app.client_versions as v
  set current_version = v3_version_post.current_version,
      download_link = v3_version_post.download_link,
      updated_at = now()
  where v.name = app.v3_header('x-ok-name');
  if not found then
    return app.v3_reply(404, '{}', format('No client named %s', app.v3_header('x-ok-name')));
  end if;
  return app.v3_reply(200, '{}');
end;
$_$;

ALTER FUNCTION api.v3_version_post(current_version text, download_link text) OWNER TO ok_api;

COMMENT ON FUNCTION api.v3_version_post(current_version text, download_link text) IS 'POST /api/v3/version/<name>: publish a client version (admins).';

CREATE FUNCTION app.assignment_exists(name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (select 1 from app.assignments as a where a.name = assignment_exists.name)
$$;

ALTER FUNCTION app.assignment_exists(name text) OWNER TO ok_owner;

CREATE FUNCTION app.assignment_for_change(name text, OUT assignment_id bigint, OUT course_id bigint, OUT assignment_name text, OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT max_group_size integer, OUT is_staff boolean, OUT is_ta boolean, OUT is_admin boolean, OUT is_open boolean) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  is_visible boolean;
begin
  perform app.require_login();
  select a.id, a.course_id, a.name, a.due_at, a.lock_at, a.max_group_size, a.visible
  into assignment_id, course_id, assignment_name, due_at, lock_at, max_group_size, is_visible
  from app.assignments as a
  where a.name = assignment_for_change.name;
  is_admin := auth.is_admin();
  is_staff := auth.is_staff_of(course_id);
  -- Hidden assignments do not exist for students, lab assistants or outsiders.
  if assignment_id is null or not (is_visible or is_staff) then
    raise sqlstate 'PT404' using message = format('No assignment %s', name);
  end if;
  perform app.lock_assignment(assignment_id);
  is_ta := is_admin or course_id = any(auth.course_ids('ta', 'instructor'));
  is_open := now() <= lock_at;
end;
$$;

ALTER FUNCTION app.assignment_for_change(name text, OUT assignment_id bigint, OUT course_id bigint, OUT assignment_name text, OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT max_group_size integer, OUT is_staff boolean, OUT is_ta boolean, OUT is_admin boolean, OUT is_open boolean) OWNER TO ok_owner;

CREATE FUNCTION app.assignment_units(assignment_id bigint, for_user bigint DEFAULT NULL::bigint) RETURNS TABLE(user_id bigint, unit text, group_id bigint, member_ids bigint[], enrolled boolean)
    LANGUAGE sql STABLE
    AS $$
  with target as (
    select a.id, a.course_id from app.assignments as a where a.id = assignment_units.assignment_id
  ),
  -- Every unit (for_user is null): enrolled students, submitters and group members, each in
  -- their current group. One-time filters on for_user skip whichever half does not apply.
  everyone as (
    select e.user_id
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
    where assignment_units.for_user is null
    union
    select s.submitter_id
    from app.submitter_finals as s
    where s.assignment_id = assignment_units.assignment_id and assignment_units.for_user is null
    union
    select g.user_id
    from app.current_groups as g
    where g.assignment_id = assignment_units.assignment_id and assignment_units.for_user is null
  ),
  every_unit as (
    select p.user_id, g.group_id, coalesce(g.member_ids, array[p.user_id]) as member_ids
    from everyone as p
    left join app.current_groups as g
      on g.assignment_id = assignment_units.assignment_id and g.user_id = p.user_id
  ),
  -- One unit (for_user given): the same people, among for_user's current group (or alone).
  one_unit as (
    select m.user_id, g.group_id, mine.member_ids
    from target as t
    cross join lateral (select app.group_member_ids(t.id, assignment_units.for_user) as member_ids) as mine
    cross join lateral unnest(mine.member_ids) as m (user_id)
    left join app.group_members as g on g.assignment_id = t.id and g.user_id = m.user_id and g.status = 'active'
    where assignment_units.for_user is not null
      and (
        g.group_id is not null
        or exists (
          select 1 from app.enrollments as e
          where e.user_id = m.user_id and e.course_id = t.course_id and e.role = 'student'
        )
        or exists (select 1 from app.submitter_finals as s where s.assignment_id = t.id and s.submitter_id = m.user_id)
      )
  )
  select
    u.user_id,
    coalesce('g' || u.group_id, 'u' || u.user_id),
    u.group_id,
    u.member_ids,
    exists (select 1 from app.enrollments as e where e.user_id = u.user_id and e.course_id = t.course_id)
  from (select * from every_unit union all select * from one_unit) as u
  cross join target as t
$$;

ALTER FUNCTION app.assignment_units(assignment_id bigint, for_user bigint) OWNER TO ok_owner;

CREATE FUNCTION app.best_scores(course_id bigint) RETURNS TABLE(student_id bigint, assignment_id bigint, kind text, value numeric)
    LANGUAGE sql STABLE
    AS $$
  with students as (
    select e.user_id from app.enrollments as e where e.course_id = best_scores.course_id and e.role = 'student'
  ),
  owners as (
    select s.user_id as student_id, a.id as assignment_id, coalesce(mates.user_id, s.user_id) as owner_id
    from students as s
    cross join app.assignments as a
    left join app.group_members as mine on mine.assignment_id = a.id and mine.user_id = s.user_id and mine.status = 'active'
    left join app.group_members as mates on mates.group_id = mine.group_id and mates.status = 'active'
    where a.course_id = best_scores.course_id
  )
  select o.student_id, o.assignment_id, sc.kind, max(sc.value)
  from owners as o
  inner join app.scores as sc on sc.assignment_id = o.assignment_id and sc.user_id = o.owner_id and not sc.archived
  group by o.student_id, o.assignment_id, sc.kind
$$;

ALTER FUNCTION app.best_scores(course_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.counting_backup(backup_ids bigint[]) RETURNS TABLE(backup_id bigint)
    LANGUAGE sql STABLE
    AS $$
  select b.id
  from app.backups as b
  where b.id = any(counting_backup.backup_ids)
  order by b.flagged desc, b.submit desc, b.created_at desc, b.id desc
  limit 1
$$;

ALTER FUNCTION app.counting_backup(backup_ids bigint[]) OWNER TO ok_owner;

CREATE FUNCTION app.course_time_text(ts timestamp with time zone, timezone text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET "TimeZone" TO 'UTC'
    AS $$
begin
  if ts is null or timezone is null then
    return null;
  end if;
  perform pg_catalog.set_config('TimeZone', timezone, true);
  return pg_catalog.to_char(ts, 'Dy Mon FMDD, FMHH12:MI AM TZ');
end;
$$;

ALTER FUNCTION app.course_time_text(ts timestamp with time zone, timezone text) OWNER TO ok_owner;

CREATE FUNCTION app.csv_field(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when g.safe is null then ''
    when g.safe ~ '[,"\r\n]' then '"' || replace(g.safe, '"', '""') || '"'
    else g.safe
  end
  from (select case when value ~ '^[-=+@\t\r]' then '''' || value else value end as safe) as g
$$;

ALTER FUNCTION app.csv_field(value text) OWNER TO ok_owner;

CREATE FUNCTION app.effective_dates(assignment_id bigint, member_ids bigint[]) RETURNS TABLE(due_at timestamp with time zone, lock_at timestamp with time zone, extension_expires timestamp with time zone, extension_custom_time timestamp with time zone, extension_reason text)
    LANGUAGE sql STABLE
    AS $$
  select greatest(a.due_at, x.expires_at), greatest(a.lock_at, x.expires_at), x.expires_at,
         x.custom_submission_time, x.reason
  from app.assignments as a
  left join lateral (
    -- one index lookup per member (its own subquery, so it is not turned into a scan of the
    -- assignment's extensions), however many extensions the assignment has
    select e.expires_at, e.custom_submission_time, e.reason
    from unnest(effective_dates.member_ids) as m (user_id)
    cross join lateral (
      select x.expires_at, x.custom_submission_time, x.reason
      from app.extensions as x
      where x.assignment_id = a.id and x.user_id = m.user_id
      limit 1
    ) as e
    order by e.expires_at desc
    limit 1
  ) as x on true
  where a.id = effective_dates.assignment_id
$$;

ALTER FUNCTION app.effective_dates(assignment_id bigint, member_ids bigint[]) OWNER TO ok_owner;

CREATE FUNCTION app.ensure_user(email text, name text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  found_id bigint;
begin
  insert into app.users as u (email, name)
  values (btrim(ensure_user.email), nullif(btrim(ensure_user.name), ''))
  on conflict (lower(email))
  do update set name = coalesce(u.name, excluded.name)
  returning u.id into found_id;
  return found_id;
end;
$$;

ALTER FUNCTION app.ensure_user(email text, name text) OWNER TO ok_owner;

CREATE FUNCTION app.final_submissions(assignment_id bigint, for_user bigint DEFAULT NULL::bigint) RETURNS TABLE(unit text, group_id bigint, member_ids bigint[], enrolled boolean, backup_id bigint, submitter_id bigint, is_submission boolean, flagged boolean, created_at timestamp with time zone, submission_time timestamp with time zone, effective_due timestamp with time zone, late_by interval, reason text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with target as materialized (
    -- the caller's standing is decided once here, not per unit below
    select a.id, a.course_id, a.due_at, c.timezone, auth.is_staff_of(a.course_id) as caller_is_staff
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.id = final_submissions.assignment_id
      and (
        auth.is_staff_of(a.course_id)
        or a.course_id = any(auth.course_ids('student', 'lab_assistant'))
        or exists (select 1 from app.backups as mine where mine.assignment_id = a.id and mine.submitter_id = auth.user_id())
      )
  ),
  units as (
    select u.* from target as t cross join lateral app.assignment_units(t.id, final_submissions.for_user) as u
  ),
  -- the units the caller may see: every unit for staff, else the caller's own
  members as (
    select u.unit, u.group_id, min(u.member_ids) as member_ids, bool_or(u.enrolled) as enrolled
    from units as u
    group by u.unit, u.group_id
    having (select t.caller_is_staff from target as t) or (select auth.user_id()) = any(min(u.member_ids))
  ),
  -- materialized: lateness below is a column, so app.human_interval is inlined on it instead
  -- of being called once per unit on the whole expression
  timed as materialized (
    select
      m.*, c.id as backup_id, c.submitter_id, c.submit, c.flagged, c.flagged_by, c.flagged_at,
      c.created_at,
      case when c.id is not null then
        app.submission_time(c.created_at, c.custom_submission_time, d.extension_custom_time, d.extension_expires)
      end as submission_time,
      d.due_at as effective_due,
      t.timezone
    from members as m
    cross join target as t
    cross join lateral app.effective_dates(t.id, m.member_ids) as d
    -- the backup that counts (app.counting_backup) among the members' own (their rows of
    -- app.submitter_finals, kept by a trigger): a few index lookups per unit
    cross join lateral (
      select array_agg(s.backup_id) as backup_ids from app.submitter_finals as s
      where s.assignment_id = t.id and s.submitter_id = any(m.member_ids)
    ) as own
    left join lateral app.counting_backup(own.backup_ids) as cb on true
    left join app.backups as c on cb.backup_id = c.id
  )
  select
    tm.unit, tm.group_id, tm.member_ids, tm.enrolled, tm.backup_id, tm.submitter_id,
    coalesce(tm.submit, false), coalesce(tm.flagged, false), tm.created_at, tm.submission_time,
    tm.effective_due,
    tm.late_by,
    case
      when tm.backup_id is null then 'no backups yet'
      when tm.flagged then format('flagged by %s on %s', coalesce(f.email, 'staff'),
        app.course_time_text(coalesce(tm.flagged_at, tm.created_at), tm.timezone))
      when tm.submit then 'latest submission, ' || coalesce(app.human_interval(tm.late_by) || ' late', 'on time')
      else 'no submission: latest backup'
    end
  from (select t2.*, app.late_by(t2.submission_time, t2.effective_due) as late_by from timed as t2) as tm
  left join app.users as f on tm.flagged_by = f.id
$$;

ALTER FUNCTION app.final_submissions(assignment_id bigint, for_user bigint) OWNER TO ok_owner;

COMMENT ON FUNCTION app.final_submissions(assignment_id bigint, for_user bigint) IS 'The backup that counts for every student or group of an assignment, with lateness and a reason.';

CREATE FUNCTION app.grade_cells(course_id bigint) RETURNS TABLE(student_id bigint, col integer, value numeric, in_total boolean)
    LANGUAGE sql STABLE
    AS $$
  with columns as (
    select c.col, c.assignment_id, c.source_kinds, c.in_total from app.grade_columns(grade_cells.course_id) as c
  ),
  students as (
    select e.user_id from app.enrollments as e where e.course_id = grade_cells.course_id and e.role = 'student'
  ),
  best as (
    select b.student_id, b.assignment_id, b.kind, b.value from app.best_scores(grade_cells.course_id) as b
  )
  select s.user_id, c.col, coalesce(max(b.value), 0), c.in_total
  from students as s
  cross join columns as c
  left join best as b on b.student_id = s.user_id and b.assignment_id = c.assignment_id and b.kind = any(c.source_kinds)
  group by s.user_id, c.col, c.in_total
$$;

ALTER FUNCTION app.grade_cells(course_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.grade_columns(course_id bigint) RETURNS TABLE(col integer, assignment_id bigint, assignment_name text, display_name text, type text, title text, source_kinds text[], in_total boolean)
    LANGUAGE sql STABLE
    AS $$
  with published as (
    select a.id, a.name, a.display_name, a.published_score_kinds as kinds, a.created_at
    from app.assignments as a
    where a.course_id = grade_columns.course_id and cardinality(a.published_score_kinds) > 0
  ),
  types as (
    select p.*, t.type, t.ord,
      case t.type
        when 'total' then array['effort', 'total', 'regrade']
        when 'composition' then case when 'revision' = any(p.kinds) then array['composition', 'revision']
                                     else array['composition'] end
        else array[t.type]
      end as source_kinds
    from published as p
    cross join lateral (
      select v.type, v.ord
      from (values ('total', 1), ('composition', 2), ('revision', 3), ('checkpoint 1', 4), ('checkpoint 2', 5))
        as v (type, ord)
      where case when v.type = 'total' then p.kinds && array['effort', 'total', 'regrade'] else v.type = any(p.kinds) end
      union all
      select k.kind, 6
      from unnest(p.kinds) as k (kind)
      where k.kind not in ('effort', 'total', 'regrade', 'composition', 'revision', 'checkpoint 1', 'checkpoint 2')
    ) as t
  )
  select
    (row_number() over (order by t.created_at, t.id, t.ord, t.type))::integer,
    t.id, t.name, t.display_name, t.type,
    format('%s (%s)', t.display_name, initcap(t.type)),
    t.source_kinds,
    not (t.type = 'revision' and 'composition' = any(t.kinds))
  from types as t
$$;

ALTER FUNCTION app.grade_columns(course_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.group_add_member(assignment_id bigint, anchor_id bigint, member_id bigint, member_status app.member_status, OUT new_group_id bigint, OUT group_before jsonb) RETURNS record
    LANGUAGE plpgsql
    AS $$
declare
  target app.assignments;
begin
  select a.* into strict target from app.assignments as a where a.id = group_add_member.assignment_id;
  select m.group_id into new_group_id
  from app.group_members as m
  where m.assignment_id = target.id and m.user_id = group_add_member.anchor_id;
  if new_group_id is null then
    insert into app.groups (assignment_id, course_id) values (target.id, target.course_id)
    returning id into new_group_id;
    insert into app.group_members (assignment_id, user_id, group_id, status)
    values (target.id, group_add_member.anchor_id, new_group_id, 'active');
    group_before := null;
  else
    group_before := app.group_snapshot(new_group_id);
  end if;
  if (select count(*) from app.group_members as m where m.group_id = new_group_id) >= target.max_group_size then
    raise sqlstate 'PT422' using
      message = format('Groups have at most %s members, invitations included', target.max_group_size);
  end if;
  insert into app.group_members (assignment_id, user_id, group_id, status)
  values (target.id, group_add_member.member_id, new_group_id, group_add_member.member_status);
end;
$$;

ALTER FUNCTION app.group_add_member(assignment_id bigint, anchor_id bigint, member_id bigint, member_status app.member_status, OUT new_group_id bigint, OUT group_before jsonb) OWNER TO ok_owner;

CREATE FUNCTION app.group_change(assignment_id bigint, action text, target_id bigint, group_id bigint, before jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
declare
  after jsonb;
begin
  if (select count(*) from app.group_members as m where m.group_id = group_change.group_id) <= 1 then
    delete from app.groups as g where g.id = group_change.group_id;
  end if;
  after := app.group_snapshot(group_id);
  insert into app.group_actions (assignment_id, course_id, actor_id, target_id, action, group_before, group_after)
  select a.id, a.course_id, auth.user_id(), target_id, action, before, after
  from app.assignments as a
  where a.id = group_change.assignment_id;
  return coalesce(after, '{"members": []}'::jsonb);
end;
$$;

ALTER FUNCTION app.group_change(assignment_id bigint, action text, target_id bigint, group_id bigint, before jsonb) OWNER TO ok_owner;

CREATE FUNCTION app.group_member_ids(assignment_id bigint, user_id bigint) RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(
    (
      select g.member_ids from app.current_groups as g
      where g.assignment_id = group_member_ids.assignment_id and g.user_id = group_member_ids.user_id
    ),
    array[group_member_ids.user_id]
  )
$$;

ALTER FUNCTION app.group_member_ids(assignment_id bigint, user_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.group_snapshot(group_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  select jsonb_build_object(
    'id', g.id, 'assignment_id', g.assignment_id,
    'members', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', m.user_id, 'status', m.status) order by m.user_id)
      from app.group_members as m where m.group_id = g.id
    ), '[]'::jsonb)
  )
  from app.groups as g
  where g.id = group_snapshot.group_id
$$;

ALTER FUNCTION app.group_snapshot(group_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.hashid_decode(public_key text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
declare
  alphabet text := 'gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890';
  parts text[];
  body text;
  lottery text;
  num numeric := 0;
  pos integer;
begin
  if public_key !~ '^[A-Za-z0-9]{1,32}$' then
    return null;
  end if;
  parts := regexp_split_to_array(public_key, '[abde]');
  body := case when array_length(parts, 1) in (2, 3) then parts[2] else parts[1] end;
  if body = '' or body ~ '[cfhistuCFHISTU]' then
    return null;
  end if;
  lottery := substr(body, 1, 1);
  alphabet := app.hashid_reorder(alphabet, substr(lottery || alphabet, 1, 44));
  for i in 2 .. length(body) loop
    pos := strpos(alphabet, substr(body, i, 1));
    if pos = 0 then
      return null;
    end if;
    num := num * 44 + (pos - 1);
  end loop;
  if length(body) < 2 or num > 9223372036854775807 then
    return null;
  end if;
  if app.hashid_encode(num::bigint) is distinct from public_key then
    return null;
  end if;
  return num::bigint;
end;
$_$;

ALTER FUNCTION app.hashid_decode(public_key text) OWNER TO ok_owner;

COMMENT ON FUNCTION app.hashid_decode(public_key text) IS 'Row id behind a Hashids public key, or null for a key we never issued.';

CREATE FUNCTION app.hashid_encode(id bigint) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
declare
  alphabet text := 'gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890';
  separators constant text := 'cfhistuCFHISTU';
  guards constant text := 'abde';
  min_length constant integer := 6;
  alpha_len constant integer := 44;
  values_hash integer := (id % 100)::integer;
  lottery text;
  encoded text;
  hashed text := '';
  num bigint := id;
  split_at integer;
  excess integer;
begin
  if id < 0 then
    raise invalid_parameter_value using message = 'hashids encode only non-negative ids';
  end if;
  lottery := substr(alphabet, values_hash % alpha_len + 1, 1);
  -- app.hashid_reorder(alphabet, substr(lottery || alphabet, 1, alpha_len)), computed once
  alphabet := (app.hashid_lottery_alphabets())[values_hash % alpha_len + 1];
  loop
    hashed := substr(alphabet, (num % alpha_len)::integer + 1, 1) || hashed;
    num := num / alpha_len;
    exit when num = 0;
  end loop;
  encoded := lottery || hashed;
  if length(encoded) < min_length then
    encoded := substr(guards, (values_hash + ascii(substr(encoded, 1, 1))) % 4 + 1, 1) || encoded;
    if length(encoded) < min_length then
      encoded := encoded || substr(guards, (values_hash + ascii(substr(encoded, 3, 1))) % 4 + 1, 1);
    end if;
    split_at := alpha_len / 2;
    while length(encoded) < min_length loop
      alphabet := app.hashid_reorder(alphabet, alphabet);
      encoded := substr(alphabet, split_at + 1) || encoded || substr(alphabet, 1, split_at);
      excess := length(encoded) - min_length;
      if excess > 0 then
        encoded := substr(encoded, excess / 2 + 1, min_length);
      end if;
    end loop;
  end if;
  return encoded;
end;
$$;

ALTER FUNCTION app.hashid_encode(id bigint) OWNER TO ok_owner;

COMMENT ON FUNCTION app.hashid_encode(id bigint) IS 'Public key of a row id (Hashids, min length 6, empty salt), as okpy/ok produced.';

CREATE FUNCTION app.hashid_lottery_alphabets() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select array_agg(app.hashid_reorder(a.alphabet, substr(substr(a.alphabet, k.i, 1) || a.alphabet, 1, 44)) order by k.i)
  from (values ('gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890')) as a (alphabet)
  cross join generate_series(1, 44) as k (i)
$$;

ALTER FUNCTION app.hashid_lottery_alphabets() OWNER TO ok_owner;

CREATE FUNCTION app.hashid_reorder(alphabet text, salt text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
declare
  chars text[] := regexp_split_to_array(alphabet, '');
  salt_len integer := length(salt);
  idx integer := 0;
  total integer := 0;
  code integer;
  j integer;
  tmp text;
begin
  if salt_len = 0 then
    return alphabet;
  end if;
  for i in reverse array_length(chars, 1) - 1 .. 1 loop
    code := ascii(substr(salt, idx + 1, 1));
    total := total + code;
    j := (code + idx + total) % i;
    tmp := chars[i + 1];
    chars[i + 1] := chars[j + 1];
    chars[j + 1] := tmp;
    idx := (idx + 1) % salt_len;
  end loop;
  return array_to_string(chars, '');
end;
$$;

ALTER FUNCTION app.hashid_reorder(alphabet text, salt text) OWNER TO ok_owner;

CREATE FUNCTION app.human_interval(span interval) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  -- integer::text, not integer || text (a stable operator): an immutable body is inlined
  select case
    when span < interval '1 hour' then ceil(extract(epoch from span) / 60)::integer::text || ' min'
    when span < interval '1 day' then floor(extract(epoch from span) / 3600)::integer::text || ' h'
    else floor(extract(epoch from span) / 86400)::integer::text || ' d'
      || coalesce(nullif(' ' || floor(mod(extract(epoch from span), 86400) / 3600)::integer::text || ' h', ' 0 h'), '')
  end
$$;

ALTER FUNCTION app.human_interval(span interval) OWNER TO ok_owner;

CREATE FUNCTION app.late_by(submission_time timestamp with time zone, effective_due timestamp with time zone) RETURNS interval
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when late_by.submission_time > late_by.effective_due then late_by.submission_time - late_by.effective_due end
$$;

ALTER FUNCTION app.late_by(submission_time timestamp with time zone, effective_due timestamp with time zone) OWNER TO ok_owner;

CREATE FUNCTION app.lock_assignment(assignment_id bigint) RETURNS void
    LANGUAGE sql
    AS $$
  select pg_advisory_xact_lock(4242, (assignment_id % 2147483647)::integer)
$$;

ALTER FUNCTION app.lock_assignment(assignment_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.mint_token(user_id bigint, client_id text, scopes text[], access_ttl integer, refresh_ttl integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  holder app.users;
  refresh_token text := encode(extensions.gen_random_bytes(32), 'hex');
  issued auth.oauth_tokens;
begin
  select u.* into holder from app.users as u where u.id = mint_token.user_id;
  insert into auth.oauth_tokens
    (client_id, user_id, scopes, refresh_token_hash, access_expires_at, refresh_expires_at)
  values (
    mint_token.client_id, holder.id, scopes, encode(extensions.digest(refresh_token, 'sha256'), 'hex'),
    now() + make_interval(secs => access_ttl), now() + make_interval(secs => refresh_ttl)
  )
  returning * into issued;
  return jsonb_build_object(
    'claims', app.token_claims(holder.id, holder.email::text, holder.is_admin, issued.scopes, issued.jti,
                               issued.access_expires_at),
    'refresh_token', refresh_token,
    'expires_in', access_ttl,
    'token_type', 'Bearer',
    'scope', array_to_string(issued.scopes, ' ')
  );
end;
$$;

ALTER FUNCTION app.mint_token(user_id bigint, client_id text, scopes text[], access_ttl integer, refresh_ttl integer) OWNER TO ok_owner;

CREATE TABLE auth.oauth_clients (
    client_id text NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    owner_id bigint,
    secret_hash text NOT NULL,
    is_confidential boolean DEFAULT true NOT NULL,
    redirect_uris text[] DEFAULT '{}'::text[] NOT NULL,
    default_scopes text[] DEFAULT '{all}'::text[] NOT NULL,
    active boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT oauth_clients_id_format CHECK ((client_id ~ '^[A-Za-z0-9_.-]{1,40}$'::text)),
    CONSTRAINT oauth_clients_scopes_known CHECK ((default_scopes <@ ARRAY['all'::text, 'email'::text]))
);

ALTER TABLE ONLY auth.oauth_clients FORCE ROW LEVEL SECURITY;

ALTER TABLE auth.oauth_clients OWNER TO ok_owner;

CREATE FUNCTION app.oauth_client_check(client_id text, client_secret text) RETURNS auth.oauth_clients
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select c.*
  from auth.oauth_clients as c
  where c.client_id = oauth_client_check.client_id
    and c.active
    and (
      not c.is_confidential
      or c.secret_hash = encode(extensions.digest(coalesce(client_secret, ''), 'sha256'), 'hex')
    )
$$;

ALTER FUNCTION app.oauth_client_check(client_id text, client_secret text) OWNER TO ok_owner;

CREATE FUNCTION app.parse_course_time(value text, course_timezone text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $_$
begin
  if value is null or btrim(value) = '' then
    raise sqlstate 'PT422' using message = 'A date-time is required';
  end if;
  if btrim(value) ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return btrim(value)::timestamptz;
  end if;
  return btrim(value)::timestamp at time zone course_timezone;
exception
  when invalid_datetime_format or datetime_field_overflow then
    raise sqlstate 'PT422' using
      message = format('Invalid date-time %L: use ISO 8601, e.g. 2026-12-01T23:59', value);
end;
$_$;

ALTER FUNCTION app.parse_course_time(value text, course_timezone text) OWNER TO ok_owner;

CREATE FUNCTION app.pkce_challenge(code_verifier text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $_$
  select case
    when code_verifier ~ '^[A-Za-z0-9._~-]{43,128}$'
      then rtrim(translate(encode(extensions.digest(code_verifier, 'sha256'), 'base64'), '+/', '-_'), '=')
  end
$_$;

ALTER FUNCTION app.pkce_challenge(code_verifier text) OWNER TO ok_owner;

CREATE FUNCTION app.record_revision(backup_id bigint, final_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  revised app.backups;
  creator bigint;
begin
  select b.* into revised from app.backups as b where b.id = backup_id;
  select a.creator_id into creator from app.assignments as a where a.id = revised.assignment_id;
  update app.scores as s
  set archived = true
  where s.assignment_id = revised.assignment_id
    and s.kind = 'revision'
    and not s.archived
    and s.user_id = any(app.group_member_ids(revised.assignment_id, revised.submitter_id));
  insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
  values (
    revised.id, revised.assignment_id, revised.course_id, revised.submitter_id, creator, 'revision', 2.0,
    'Revision of final submission ' || app.hashid_encode(final_id)
  );
end;
$$;

ALTER FUNCTION app.record_revision(backup_id bigint, final_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.redirect_allowed(allowed_uris text[], redirect_uri text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $_$
  select redirect_uri is not null and (
    redirect_uri = 'urn:ietf:wg:oauth:2.0:oob'
    or redirect_uri ~ '^http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?(/[^\s#]*)?$'
    or redirect_uri = any(allowed_uris)
  )
$_$;

ALTER FUNCTION app.redirect_allowed(allowed_uris text[], redirect_uri text) OWNER TO ok_owner;

CREATE FUNCTION app.require_admin() RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
begin
  if auth.is_admin() then
    return;
  end if;
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  raise sqlstate 'PT403' using message = 'Site administrators only';
end;
$$;

ALTER FUNCTION app.require_admin() OWNER TO ok_owner;

CREATE FUNCTION app.require_login() RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
begin
  if auth.user_id() is null and not auth.is_admin() then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
end;
$$;

ALTER FUNCTION app.require_login() OWNER TO ok_owner;

CREATE FUNCTION app.start_session(user_id bigint, expires_at timestamp with time zone, sudo_by bigint DEFAULT NULL::bigint, parent_id bigint DEFAULT NULL::bigint) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
declare
  person app.users;
  started_jti uuid;
  agent text := left(coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'user-agent', ''), 200);
begin
  select u.* into person from app.users as u where u.id = start_session.user_id;
  insert into auth.sessions (user_id, sudo_by, parent_id, user_agent, expires_at)
  values (person.id, start_session.sudo_by, start_session.parent_id, agent, start_session.expires_at)
  returning jti into started_jti;
  return app.token_claims(person.id, person.email::text, person.is_admin, null, started_jti, start_session.expires_at)
    || case
      when start_session.sudo_by is null then '{}'::jsonb
      else jsonb_build_object('sudo_by', start_session.sudo_by::text)
    end;
end;
$$;

ALTER FUNCTION app.start_session(user_id bigint, expires_at timestamp with time zone, sudo_by bigint, parent_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.submission_time(created_at timestamp with time zone, custom_submission_time timestamp with time zone, extension_custom_time timestamp with time zone, extension_expires timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select coalesce(
    submission_time.custom_submission_time,
    case when submission_time.created_at <= submission_time.extension_expires then submission_time.extension_custom_time end,
    submission_time.created_at
  )
$$;

ALTER FUNCTION app.submission_time(created_at timestamp with time zone, custom_submission_time timestamp with time zone, extension_custom_time timestamp with time zone, extension_expires timestamp with time zone) OWNER TO ok_owner;

CREATE FUNCTION app.tg__audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  old_row jsonb := case when TG_OP in ('UPDATE', 'DELETE') then to_jsonb(OLD) end;
  new_row jsonb := case when TG_OP in ('INSERT', 'UPDATE') then to_jsonb(NEW) end;
  any_row jsonb := coalesce(new_row, old_row);
begin
  if TG_OP = 'UPDATE' and old_row = new_row then
    return null;
  end if;
  insert into app.audit_log (actor_id, real_actor_id, actor, action, table_name, row_key, course_id, before, after)
  values (
    auth.user_id(),
    auth.sudo_by(),
    auth.actor(),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(any_row -> 'id', jsonb_build_object(
      'user_id', any_row -> 'user_id', 'course_id', any_row -> 'course_id')),
    case when TG_TABLE_NAME = 'courses' then (any_row ->> 'id')::bigint
         else (any_row ->> 'course_id')::bigint end,
    old_row,
    new_row
  );
  return null;
end;
$$;

ALTER FUNCTION app.tg__audit() OWNER TO ok_owner;

CREATE FUNCTION app.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  NEW.updated_at := now();
  return NEW;
end;
$$;

ALTER FUNCTION app.tg__set_updated_at() OWNER TO ok_owner;

CREATE FUNCTION app.tg_assignments__check_name() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  course_offering text;
begin
  select c.offering into course_offering from app.courses as c where c.id = NEW.course_id;
  if course_offering is null
     or left(NEW.name, length(course_offering) + 1) <> course_offering || '/'
     or substr(NEW.name, length(course_offering) + 2) !~ '^\w+$' then
    raise sqlstate 'PT422' using
      message = 'Assignment name must start with the course offering',
      detail = format('%s is not %s/<word>', NEW.name, course_offering);
  end if;
  return NEW;
end;
$_$;

ALTER FUNCTION app.tg_assignments__check_name() OWNER TO ok_owner;

CREATE FUNCTION app.tg_audit_log__append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  raise insufficient_privilege using message = 'audit log is append-only';
end;
$$;

ALTER FUNCTION app.tg_audit_log__append_only() OWNER TO ok_owner;

CREATE FUNCTION app.tg_backups__immutable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  if (NEW.assignment_id, NEW.course_id, NEW.submitter_id, NEW.creator_id, NEW.created_at)
     is distinct from (OLD.assignment_id, OLD.course_id, OLD.submitter_id, OLD.creator_id, OLD.created_at) then
    raise sqlstate 'PT409' using message = 'A backup''s assignment, course, submitter and time cannot change',
      detail = format('backup %s', OLD.id);
  end if;
  return NEW;
end;
$$;

ALTER FUNCTION app.tg_backups__immutable() OWNER TO ok_owner;

CREATE FUNCTION app.tg_backups__submitter_finals() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  pair app.backups := case when TG_OP = 'DELETE' then OLD else NEW end;
  counting bigint;
begin
  loop
    perform 1 from app.submitter_finals as s
    where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
    for update;
    if found then
      if TG_OP = 'INSERT' then
        update app.submitter_finals as s
        set backup_id = pair.id
        where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
          and pair.id = (select c.backup_id from app.counting_backup(array[s.backup_id, pair.id]) as c);
      else
        select c.backup_id into counting
        from app.counting_backup(array(
          select b.id from app.backups as b
          where b.assignment_id = pair.assignment_id and b.submitter_id = pair.submitter_id
        )) as c;
        if counting is null then
          delete from app.submitter_finals as s
          where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id;
        else
          update app.submitter_finals as s
          set backup_id = counting
          where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
            and s.backup_id <> counting;
        end if;
      end if;
      return null;
    end if;

    -- No row yet (the submitter's first backup of the assignment, or a row that was never
    -- kept): it is made from all their backups, not from this one alone.
    select c.backup_id into counting
    from app.counting_backup(array(
      select b.id from app.backups as b
      where b.assignment_id = pair.assignment_id and b.submitter_id = pair.submitter_id
    )) as c;
    if counting is null then
      return null;
    end if;
    insert into app.submitter_finals (assignment_id, submitter_id, backup_id)
    values (pair.assignment_id, pair.submitter_id, counting)
    on conflict (assignment_id, submitter_id) do nothing;
    if found then
      return null;
    end if;
    -- another session made the row meanwhile: lock it and compare again
  end loop;
end;
$$;

ALTER FUNCTION app.tg_backups__submitter_finals() OWNER TO ok_owner;

CREATE FUNCTION app.tg_email_outbox__notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  perform pg_notify('okv3_outbox', '');
  return null;
end;
$$;

ALTER FUNCTION app.tg_email_outbox__notify() OWNER TO ok_owner;

CREATE FUNCTION app.tg_scores__complete_tasks() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  update app.grading_tasks as t
  set score_id = NEW.id
  where t.backup_id = NEW.backup_id and t.score_id is null;
  return null;
end;
$$;

ALTER FUNCTION app.tg_scores__complete_tasks() OWNER TO ok_owner;

CREATE FUNCTION app.token_claims(user_id bigint, email text, is_admin boolean, scopes text[], jti uuid, expires_at timestamp with time zone) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  select jsonb_strip_nulls(jsonb_build_object(
    'role', case when is_admin then 'ok_admin' else 'ok_user' end,
    'sub', user_id::text,
    'email', email,
    'scope', array_to_string(scopes, ' '),
    'jti', jti,
    'iat', floor(extract(epoch from now()))::bigint,
    'exp', floor(extract(epoch from expires_at))::bigint
  ))
$$;

ALTER FUNCTION app.token_claims(user_id bigint, email text, is_admin boolean, scopes text[], jti uuid, expires_at timestamp with time zone) OWNER TO ok_owner;

CREATE FUNCTION app.unit_dates(assignment_id bigint, member_ids bigint[], OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT extension_expires timestamp with time zone, OUT extension_custom_time timestamp with time zone, OUT extension_reason text) RETURNS record
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select d.due_at, d.lock_at, d.extension_expires, d.extension_custom_time, d.extension_reason
  from app.effective_dates(unit_dates.assignment_id, unit_dates.member_ids) as d
$$;

ALTER FUNCTION app.unit_dates(assignment_id bigint, member_ids bigint[], OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT extension_expires timestamp with time zone, OUT extension_custom_time timestamp with time zone, OUT extension_reason text) OWNER TO ok_owner;

CREATE FUNCTION app.user_in_course(email text, course_id bigint) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$
  select u.id
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id and e.course_id = user_in_course.course_id
  where lower(u.email) = lower(user_in_course.email)
$$;

ALTER FUNCTION app.user_in_course(email text, course_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.v3_auth_error(required_scope text DEFAULT 'all'::text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
declare
  scopes text[] := string_to_array(auth.claims() ->> 'scope', ' ');
begin
  if auth.signed_in_id() is null then
    return app.v3_reply(401, '{}', 'Not logged in');
  end if;
  if scopes is null or 'all' = any(scopes) or required_scope = any(scopes) then
    return null;
  end if;
  return app.v3_reply(
    403,
    jsonb_build_object('current_scopes', to_jsonb(scopes), 'required_scopes', jsonb_build_array(required_scope)),
    format('The ''%s'' scope is required', required_scope)
  );
end;
$$;

ALTER FUNCTION app.v3_auth_error(required_scope text) OWNER TO ok_owner;

CREATE FUNCTION app.v3_backups_json(backup_ids bigint[], include_messages boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    AS $$
begin
  return (
    select coalesce(jsonb_agg(
      jsonb_build_object(
        'id', app.hashid_encode(b.id),
        'submitter', jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email),
        'assignment', jsonb_build_object(
          'name', a.name,
          'course', app.v3_course(c)
        ),
        'messages', case when include_messages then (
          select coalesce(jsonb_agg(jsonb_build_object(
            'kind', m.kind, 'contents', m.contents, 'created', app.v3_time(m.created_at)
          ) order by m.kind), '[]'::jsonb)
          from app.messages as m where m.backup_id = b.id
        ) end,
        'created', app.v3_time(b.created_at),
        'submission_time', app.v3_time(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires)
        ),
        'is_late', app.late_by(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires),
          d.due_at
        ) is not null,
        'submit', b.submit,
        'flagged', b.flagged,
        'external_files', '[]'::jsonb,
        'group', (
          select coalesce(jsonb_agg(jsonb_build_object('id', app.hashid_encode(gu.id), 'email', gu.email)
            order by gu.email), '[]'::jsonb)
          from app.users as gu
          where gu.id = any(app.group_member_ids(b.assignment_id, b.submitter_id))
        )
      ) order by ids.n
    ), '[]'::jsonb)
    from unnest(backup_ids) with ordinality as ids (id, n)
    inner join app.backups as b on ids.id = b.id
    inner join app.assignments as a on b.assignment_id = a.id
    inner join app.courses as c on a.course_id = c.id
    cross join lateral app.unit_dates(b.assignment_id, app.group_member_ids(b.assignment_id, b.submitter_id)) as d
    left join app.users as u on b.submitter_id = u.id
  );
end;
$$;

ALTER FUNCTION app.v3_backups_json(backup_ids bigint[], include_messages boolean) OWNER TO ok_owner;

CREATE TABLE app.courses (
    id bigint NOT NULL,
    offering text NOT NULL,
    display_name text NOT NULL,
    institution text DEFAULT ''::text NOT NULL,
    website text,
    timezone text DEFAULT 'America/Los_Angeles'::text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    autograder_url text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    export_token_hash text,
    export_token_active boolean DEFAULT false NOT NULL,
    CONSTRAINT courses_display_name_present CHECK ((btrim(display_name) <> ''::text)),
    CONSTRAINT courses_offering_format CHECK (((offering ~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/(fa|sp|su|wi|au|yr)[0-9]{2}$'::text) AND (split_part(offering, '/'::text, 1) <> ALL (ARRAY['about'::text, 'admin'::text, 'api'::text, 'comments'::text, 'login'::text, 'logout'::text, 'oauth'::text, 'rq'::text, 'testing-login'::text, 'static'::text, 'healthz'::text, 'client'::text, 'sudo'::text, 'assets'::text])))),
    CONSTRAINT courses_timezone_valid CHECK ((('2000-01-01 00:00:00'::timestamp without time zone AT TIME ZONE timezone) IS NOT NULL))
);

ALTER TABLE ONLY app.courses FORCE ROW LEVEL SECURITY;

ALTER TABLE app.courses OWNER TO ok_owner;

CREATE FUNCTION app.v3_course(course app.courses) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  select jsonb_build_object(
    'id', course.id, 'offering', course.offering, 'display_name', course.display_name,
    'active', course.active, 'timezone', course.timezone
  )
$$;

ALTER FUNCTION app.v3_course(course app.courses) OWNER TO ok_owner;

CREATE FUNCTION app.v3_course_access() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  course app.courses;
  token text := app.v3_header('x-ok-export-token');
begin
  select c.* into course from app.courses as c where c.offering = app.v3_header('x-ok-offering');
  if token is not null then
    if course.id is null then
      return jsonb_build_object('error', app.v3_reply(404, '{}', 'No such course'));
    end if;
    if course.export_token_hash is null or not course.export_token_active then
      return jsonb_build_object('error', app.v3_reply(401, '{}', 'The export token of this course is not active'));
    end if;
    if encode(extensions.digest(token, 'sha256'), 'hex') <> course.export_token_hash then
      return jsonb_build_object('error', app.v3_reply(403, '{}', 'Wrong export token'));
    end if;
    return jsonb_build_object('course_id', course.id, 'requester', 'export_access_token');
  end if;
  if auth.user_id() is null then
    return jsonb_build_object('error', app.v3_reply(401, '{}', 'Not logged in'));
  end if;
  if course.id is null then
    return jsonb_build_object('error', app.v3_reply(404, '{}', 'No such course'));
  end if;
  if not auth.is_staff_of(course.id) then
    return jsonb_build_object('error', app.v3_reply(403, '{}', 'Only staff of the course can export it'));
  end if;
  return jsonb_build_object('course_id', course.id, 'requester', auth.claims() ->> 'email');
end;
$$;

ALTER FUNCTION app.v3_course_access() OWNER TO ok_owner;

CREATE FUNCTION app.v3_header(name text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(
    coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb ->> lower(name), ''
  )
$$;

ALTER FUNCTION app.v3_header(name text) OWNER TO ok_owner;

CREATE FUNCTION app.v3_page(OUT page_limit integer, OUT page_offset integer) RETURNS record
    LANGUAGE plpgsql STABLE
    AS $_$
declare
  raw_limit text := coalesce(app.v3_header('x-ok-limit'), '150');
  raw_offset text := coalesce(app.v3_header('x-ok-offset'), '0');
begin
  if raw_limit !~ '^[0-9]{1,4}$' or raw_offset !~ '^[0-9]{1,9}$' or raw_limit::integer not between 1 and 1000 then
    return;
  end if;
  page_limit := raw_limit::integer;
  page_offset := raw_offset::integer;
end;
$_$;

ALTER FUNCTION app.v3_page(OUT page_limit integer, OUT page_offset integer) OWNER TO ok_owner;

CREATE FUNCTION app.v3_participations(user_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'course_id', c.id, 'role', app.v3_role_name(e.role::text),
    'class_account', e.class_account, 'section', e.section, 'course', app.v3_course(c)
  ) order by c.created_at desc), '[]'::jsonb)
  from app.enrollments as e
  inner join app.courses as c on e.course_id = c.id
  where e.user_id = v3_participations.user_id
$$;

ALTER FUNCTION app.v3_participations(user_id bigint) OWNER TO ok_owner;

CREATE FUNCTION app.v3_reply(status integer, data jsonb DEFAULT '{}'::jsonb, message text DEFAULT 'success'::text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
begin
  perform set_config('response.status', status::text, true);
  if lower(app.v3_header('x-ok-envelope')) = 'false' then
    return coalesce(data, '{}'::jsonb);
  end if;
  return jsonb_build_object('code', status, 'message', message, 'data', coalesce(data, '{}'::jsonb));
end;
$$;

ALTER FUNCTION app.v3_reply(status integer, data jsonb, message text) OWNER TO ok_owner;

CREATE FUNCTION app.v3_role_name(role text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case role
    when 'lab_assistant' then 'lab assistant'
    when 'reader' then 'grader'
    when 'ta' then 'staff'
    else role
  end
$$;

ALTER FUNCTION app.v3_role_name(role text) OWNER TO ok_owner;

CREATE FUNCTION app.v3_time(ts timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
$$;

ALTER FUNCTION app.v3_time(ts timestamp with time zone) OWNER TO ok_owner;

CREATE FUNCTION auth.actor() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select coalesce(
    nullif(auth.claims() ->> 'email', ''),
    nullif(auth.claims() ->> 'actor', ''),
    current_user::text
  )
$$;

ALTER FUNCTION auth.actor() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.actor() IS 'Who acts in this request, for audit rows.';

CREATE FUNCTION auth.check_request() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  claims jsonb := auth.claims();
  claimed_jti text := claims ->> 'jti';
  claimed_role text := coalesce(claims ->> 'role', 'ok_anon');
  claimed_sub text := claims ->> 'sub';
  claimed_sudo_by text := claims ->> 'sudo_by';
  seen record;
begin
  if claimed_jti is null then
    if claimed_sub is null and claimed_sudo_by is null
       and (claimed_role = 'ok_anon'
            or (claimed_role in ('ok_auth', 'ok_worker', 'ok_admin') and claims ? 'actor')) then
      return;
    end if;
    raise sqlstate 'PT401' using message = 'Token has no jti',
      detail = 'Every user token and browser session is identified by a jti; sign in again.';
  end if;
  if claimed_jti !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or claimed_sub is null or claimed_role not in ('ok_user', 'ok_admin') then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The token is not one this server issued.';
  end if;

  select
    s.id,
    s.user_id,
    s.sudo_by,
    s.revoked_at is null and s.expires_at > now() as live,
    s.last_seen_at,
    u.is_admin,
    p.revoked_at is null and p.expires_at > now() as parent_live,
    a.is_admin as sudoer_is_admin
  into seen
  from auth.sessions as s
  inner join app.users as u on s.user_id = u.id
  left join auth.sessions as p on s.parent_id = p.id
  left join app.users as a on s.sudo_by = a.id
  where s.jti = claimed_jti::uuid;
  if found then
    if not seen.live then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'This session was signed out, revoked or has expired; sign in again.';
    end if;
    if seen.user_id::text <> claimed_sub or seen.sudo_by::text is distinct from claimed_sudo_by then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'The session''s claims do not match the session; sign in again.';
    end if;
    if claimed_role = 'ok_admin' and not seen.is_admin then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'You are no longer a site administrator; sign in again.';
    end if;
    if seen.sudo_by is not null and not (coalesce(seen.parent_live, false) and coalesce(seen.sudoer_is_admin, false)) then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'The administrator acting as this user has signed out or is no longer an administrator.';
    end if;
    if seen.last_seen_at < now() - interval '1 minute' and current_setting('transaction_read_only') = 'off' then
      update auth.sessions as s
      set last_seen_at = now()
      where s.id in (select l.id from auth.sessions as l where l.id = seen.id for update skip locked);
    end if;
    return;
  end if;

  select t.user_id, u.is_admin
  into seen
  from auth.oauth_tokens as t
  inner join app.users as u on t.user_id = u.id
  where t.jti = claimed_jti::uuid
    and t.revoked_at is null;
  if not found or seen.user_id::text <> claimed_sub or claimed_sudo_by is not null then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The access token was revoked or is unknown.';
  end if;
  if claimed_role = 'ok_admin' and not seen.is_admin then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The token was issued to a site administrator who no longer is one; sign in again.';
  end if;
end;
$_$;

ALTER FUNCTION auth.check_request() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.check_request() IS 'db-pre-request hook: refuses jti-less user claims, ended or revoked sessions and tokens, and lost admin roles (PT401).';

CREATE FUNCTION auth.claims() RETURNS jsonb
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}'::jsonb)
$$;

ALTER FUNCTION auth.claims() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.claims() IS 'JWT claims of the current request (request.jwt.claims), or {}.';

CREATE FUNCTION auth.course_ids(VARIADIC roles text[]) RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(e.course_id), '{}')
  from app.enrollments as e
  where e.user_id = auth.user_id()
    and e.role::text = any(roles)
$$;

ALTER FUNCTION auth.course_ids(VARIADIC roles text[]) OWNER TO ok_owner;

COMMENT ON FUNCTION auth.course_ids(VARIADIC roles text[]) IS 'Courses where the caller holds one of the given roles (for RLS policies).';

CREATE FUNCTION auth.group_mates() RETURNS TABLE(assignment_id bigint, user_id bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select g.assignment_id, m.user_id
  from app.current_groups as g
  cross join lateral unnest(g.member_ids) as m (user_id)
  where g.user_id = auth.user_id()
$$;

ALTER FUNCTION auth.group_mates() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.group_mates() IS 'Active group-mates of the caller, per assignment (for RLS).';

CREATE FUNCTION auth.is_admin() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select coalesce(auth.claims() ->> 'role' = 'ok_admin', false) and auth.scope_allows_all()
$$;

ALTER FUNCTION auth.is_admin() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.is_admin() IS 'True when the request role is ok_admin and the scope allows it.';

CREATE FUNCTION auth.is_staff_of(course_id bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select auth.is_admin() or coalesce(is_staff_of.course_id = any(auth.course_ids('reader', 'ta', 'instructor')), false)
$$;

ALTER FUNCTION auth.is_staff_of(course_id bigint) OWNER TO ok_owner;

COMMENT ON FUNCTION auth.is_staff_of(course_id bigint) IS 'True when the caller is a site admin or a reader, TA or instructor of the course.';

CREATE FUNCTION auth.scope_allows_all() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select not c.claims ? 'scope' or 'all' = any(string_to_array(c.claims ->> 'scope', ' '))
  from (select auth.claims() as claims) as c
$$;

ALTER FUNCTION auth.scope_allows_all() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.scope_allows_all() IS 'True for a browser session or a token whose scope includes all.';

CREATE FUNCTION auth.session_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
  select s.id
  from auth.sessions as s
  where s.jti = (
      case
        when auth.claims() ->> 'jti' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          then (auth.claims() ->> 'jti')::uuid
      end
    )
    and s.user_id = auth.user_id()
$_$;

ALTER FUNCTION auth.session_id() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.session_id() IS 'Id of the browser session the request runs in, or null.';

CREATE FUNCTION auth.signed_in_id() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(auth.claims() ->> 'sub', '')::bigint
$$;

ALTER FUNCTION auth.signed_in_id() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.signed_in_id() IS 'Id named by the token or session (claim sub) whatever its scope, or null.';

CREATE FUNCTION auth.sudo_by() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(auth.claims() ->> 'sudo_by', '')::bigint
$$;

ALTER FUNCTION auth.sudo_by() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.sudo_by() IS 'Id of the site admin acting as the caller (sudo), or null.';

CREATE FUNCTION auth.user_id() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
  select nullif(auth.claims() ->> 'sub', '')::bigint
  where auth.scope_allows_all()
$$;

ALTER FUNCTION auth.user_id() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.user_id() IS 'Id of the user the request acts for (claim sub, when the scope allows), or null.';

CREATE FUNCTION auth.visible_user_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select auth.user_id()
  union
  select g.user_id from auth.group_mates() as g
  union
  select e.user_id
  from app.enrollments as e
  where e.course_id = any(auth.course_ids('student', 'lab_assistant', 'reader', 'ta', 'instructor'))
    and e.role in ('reader', 'ta', 'instructor')
  union
  select e.user_id
  from app.enrollments as e
  where e.course_id = any(auth.course_ids('reader', 'ta', 'instructor'))
$$;

ALTER FUNCTION auth.visible_user_ids() OWNER TO ok_owner;

COMMENT ON FUNCTION auth.visible_user_ids() IS 'Users the caller may see (for RLS on app.users).';

CREATE TABLE app.assignments (
    id bigint NOT NULL,
    course_id bigint NOT NULL,
    name text NOT NULL,
    display_name text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    lock_at timestamp with time zone NOT NULL,
    visible boolean DEFAULT true NOT NULL,
    creator_id bigint,
    url text,
    max_group_size integer DEFAULT 1 NOT NULL,
    revisions_allowed boolean DEFAULT false NOT NULL,
    uploads_enabled boolean DEFAULT false NOT NULL,
    upload_info text,
    template_files jsonb DEFAULT '{}'::jsonb NOT NULL,
    published_score_kinds text[] DEFAULT '{}'::text[] NOT NULL,
    autograder_key text,
    continuous_autograding boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT assignments_display_name_present CHECK ((btrim(display_name) <> ''::text)),
    CONSTRAINT assignments_group_size_positive CHECK ((max_group_size >= 1)),
    CONSTRAINT assignments_lock_after_due CHECK ((lock_at >= due_at)),
    CONSTRAINT assignments_template_files_object CHECK ((jsonb_typeof(template_files) = 'object'::text))
);

ALTER TABLE ONLY app.assignments FORCE ROW LEVEL SECURITY;

ALTER TABLE app.assignments OWNER TO ok_owner;

CREATE TABLE app.backups (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    submitter_id bigint NOT NULL,
    creator_id bigint,
    submit boolean DEFAULT false NOT NULL,
    flagged boolean DEFAULT false NOT NULL,
    custom_submission_time timestamp with time zone,
    client_name text,
    client_version text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    flagged_by bigint,
    flagged_at timestamp with time zone,
    CONSTRAINT backups_flagged_is_submission CHECK (((NOT flagged) OR submit))
);

ALTER TABLE ONLY app.backups FORCE ROW LEVEL SECURITY;

ALTER TABLE app.backups OWNER TO ok_owner;

CREATE VIEW analytics.assignment_activity_daily WITH (security_barrier='true') AS
 SELECT a.id AS assignment_id,
    a.name AS assignment,
    ((b.created_at AT TIME ZONE 'UTC'::text))::date AS day_utc,
    count(*) AS backups,
    count(*) FILTER (WHERE b.submit) AS submissions,
    count(DISTINCT b.submitter_id) AS active_students
   FROM (app.backups b
     JOIN app.assignments a ON ((b.assignment_id = a.id)))
  GROUP BY a.id, a.name, (((b.created_at AT TIME ZONE 'UTC'::text))::date);

ALTER TABLE analytics.assignment_activity_daily OWNER TO ok_analytics_owner;

COMMENT ON VIEW analytics.assignment_activity_daily IS 'Backups, submissions and active students per assignment and UTC day.';

CREATE TABLE app.enrollments (
    user_id bigint NOT NULL,
    course_id bigint NOT NULL,
    role app.course_role NOT NULL,
    sid text,
    class_account text,
    section text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.enrollments FORCE ROW LEVEL SECURITY;

ALTER TABLE app.enrollments OWNER TO ok_owner;

CREATE TABLE app.extension_requests (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    user_id bigint NOT NULL,
    reason text NOT NULL,
    status app.request_status DEFAULT 'pending'::app.request_status NOT NULL,
    decided_by bigint,
    decided_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT extension_requests_decided CHECK (((status = 'pending'::app.request_status) = (decided_at IS NULL))),
    CONSTRAINT extension_requests_reason_present CHECK ((btrim(reason) <> ''::text))
);

ALTER TABLE ONLY app.extension_requests FORCE ROW LEVEL SECURITY;

ALTER TABLE app.extension_requests OWNER TO ok_owner;

CREATE TABLE app.extensions (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    user_id bigint NOT NULL,
    staff_id bigint,
    reason text DEFAULT ''::text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    custom_submission_time timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.extensions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.extensions OWNER TO ok_owner;

CREATE VIEW analytics.assignment_progress WITH (security_barrier='true') AS
 SELECT a.id AS assignment_id,
    a.name AS assignment,
    count(e.user_id) AS students,
    count(e.user_id) FILTER (WHERE w.started) AS started,
    count(e.user_id) FILTER (WHERE w.submitted) AS submitted,
    count(e.user_id) FILTER (WHERE (NOT COALESCE(w.started, false))) AS not_started,
    ( SELECT count(*) AS count
           FROM app.extensions x
          WHERE (x.assignment_id = a.id)) AS extensions_granted,
    ( SELECT count(*) AS count
           FROM app.extension_requests r
          WHERE (r.assignment_id = a.id)) AS extensions_requested
   FROM ((app.assignments a
     JOIN app.enrollments e ON (((a.course_id = e.course_id) AND (e.role = 'student'::app.course_role))))
     LEFT JOIN LATERAL ( SELECT true AS started,
            bool_or(b.submit) AS submitted
           FROM app.backups b
          WHERE ((b.assignment_id = a.id) AND (b.submitter_id = e.user_id))
         HAVING (count(*) > 0)) w ON (true))
  GROUP BY a.id, a.name;

ALTER TABLE analytics.assignment_progress OWNER TO ok_analytics_owner;

COMMENT ON VIEW analytics.assignment_progress IS 'Students started, submitted and not started, and extension counts, per assignment.';

CREATE TABLE app.scores (
    id bigint NOT NULL,
    backup_id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    user_id bigint NOT NULL,
    grader_id bigint,
    kind text NOT NULL,
    value numeric NOT NULL,
    message text DEFAULT ''::text NOT NULL,
    archived boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT scores_kind_normalised CHECK (((kind = lower(btrim(kind))) AND (kind <> ''::text))),
    CONSTRAINT scores_value_finite CHECK (((value >= '-1000000000000000'::numeric) AND (value <= '1000000000000000'::numeric)))
);

ALTER TABLE ONLY app.scores FORCE ROW LEVEL SECURITY;

ALTER TABLE app.scores OWNER TO ok_owner;

COMMENT ON CONSTRAINT scores_value_finite ON app.scores IS 'Scores are finite: not NaN, not +/-Infinity, and within +/-1e15 (so every reader, float-based or not, reads the same number).';

CREATE VIEW analytics.score_distribution WITH (security_barrier='true') AS
 SELECT a.id AS assignment_id,
    a.name AS assignment,
    s.kind,
    count(*) AS scores,
    avg(s.value) AS mean,
    min(s.value) AS minimum,
    percentile_cont((0.25)::double precision) WITHIN GROUP (ORDER BY ((s.value)::double precision)) AS p25,
    percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((s.value)::double precision)) AS median,
    percentile_cont((0.75)::double precision) WITHIN GROUP (ORDER BY ((s.value)::double precision)) AS p75,
    max(s.value) AS maximum
   FROM (app.scores s
     JOIN app.assignments a ON ((s.assignment_id = a.id)))
  WHERE (NOT s.archived)
  GROUP BY a.id, a.name, s.kind;

ALTER TABLE analytics.score_distribution OWNER TO ok_analytics_owner;

COMMENT ON VIEW analytics.score_distribution IS 'Spread of active scores per assignment and kind.';

CREATE VIEW analytics.student_scores WITH (security_barrier='true') AS
 SELECT analytics.student_key(s.user_id) AS student_key,
    a.id AS assignment_id,
    a.name AS assignment,
    s.kind,
    s.value,
    s.created_at
   FROM (app.scores s
     JOIN app.assignments a ON ((s.assignment_id = a.id)))
  WHERE (NOT s.archived);

ALTER TABLE analytics.student_scores OWNER TO ok_analytics_owner;

COMMENT ON VIEW analytics.student_scores IS 'Active scores per pseudonymous student, assignment and kind.';

CREATE VIEW analytics.submissions_before_deadline WITH (security_barrier='true') AS
 SELECT a.id AS assignment_id,
    a.name AS assignment,
    (floor((EXTRACT(epoch FROM (a.due_at - b.created_at)) / (3600)::numeric)))::integer AS hours_before_due,
    count(*) AS submissions,
    count(DISTINCT b.submitter_id) AS students
   FROM (app.backups b
     JOIN app.assignments a ON ((b.assignment_id = a.id)))
  WHERE b.submit
  GROUP BY a.id, a.name, ((floor((EXTRACT(epoch FROM (a.due_at - b.created_at)) / (3600)::numeric)))::integer);

ALTER TABLE analytics.submissions_before_deadline OWNER TO ok_analytics_owner;

COMMENT ON VIEW analytics.submissions_before_deadline IS 'Submissions per hour before (or after) the due date.';

CREATE VIEW api.assignments WITH (security_invoker='true') AS
 SELECT a.name,
    a.display_name,
    c.offering,
    a.due_at,
    a.lock_at,
    a.visible,
    a.max_group_size,
    a.revisions_allowed,
    a.published_score_kinds,
    c.timezone
   FROM (app.assignments a
     JOIN app.courses c ON ((a.course_id = c.id)))
  ORDER BY c.offering, a.due_at, a.name;

ALTER TABLE api.assignments OWNER TO ok_owner;

COMMENT ON VIEW api.assignments IS 'Assignments the caller may see, with dates and settings.';

CREATE TABLE app.users (
    id bigint NOT NULL,
    email text NOT NULL,
    name text,
    is_admin boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_email_format CHECK (((email ~ '^[^@\s]+@[^@\s]+$'::text) AND (length(email) <= 254)))
);

ALTER TABLE ONLY app.users FORCE ROW LEVEL SECURITY;

ALTER TABLE app.users OWNER TO ok_owner;

CREATE VIEW api.extension_requests WITH (security_invoker='true') AS
 SELECT a.name AS assignment,
    c.offering,
    u.email,
    r.reason,
    r.status,
    r.created_at,
    r.decided_at,
    c.timezone
   FROM (((app.extension_requests r
     JOIN app.assignments a ON ((r.assignment_id = a.id)))
     JOIN app.courses c ON ((r.course_id = c.id)))
     LEFT JOIN app.users u ON ((r.user_id = u.id)))
  ORDER BY (r.status = 'pending'::app.request_status) DESC, r.created_at DESC;

ALTER TABLE api.extension_requests OWNER TO ok_owner;

COMMENT ON VIEW api.extension_requests IS 'Extension requests: staff see their course''s, students their own.';

CREATE TABLE app.grading_tasks (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    backup_id bigint NOT NULL,
    grader_id bigint NOT NULL,
    kind text DEFAULT 'composition'::text NOT NULL,
    score_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.grading_tasks FORCE ROW LEVEL SECURITY;

ALTER TABLE app.grading_tasks OWNER TO ok_owner;

CREATE VIEW api.grading_progress WITH (security_invoker='true') AS
 SELECT a.name AS assignment,
    u.email AS grader,
    count(*) AS tasks,
    count(*) FILTER (WHERE (t.score_id IS NOT NULL)) AS done,
    count(*) FILTER (WHERE (t.score_id IS NULL)) AS remaining
   FROM ((app.grading_tasks t
     JOIN app.assignments a ON ((t.assignment_id = a.id)))
     JOIN app.users u ON ((t.grader_id = u.id)))
  GROUP BY a.name, u.email
  ORDER BY a.name, (count(*) FILTER (WHERE (t.score_id IS NULL))) DESC, u.email;

ALTER TABLE api.grading_progress OWNER TO ok_owner;

COMMENT ON VIEW api.grading_progress IS 'Grading tasks per assignment and grader: done and left.';

CREATE VIEW api.my_enrollments WITH (security_invoker='true') AS
 SELECT c.id AS course_id,
    c.offering,
    c.display_name,
    c.active,
    e.role,
    e.section,
    (e.role = ANY (ARRAY['reader'::app.course_role, 'ta'::app.course_role, 'instructor'::app.course_role])) AS teaches
   FROM (app.enrollments e
     JOIN app.courses c ON ((e.course_id = c.id)))
  WHERE (e.user_id = ( SELECT auth.user_id() AS user_id))
  ORDER BY c.active DESC, c.created_at DESC;

ALTER TABLE api.my_enrollments OWNER TO ok_owner;

COMMENT ON VIEW api.my_enrollments IS 'Courses of the signed-in user, with role and section.';

CREATE TABLE auth.sessions (
    id bigint NOT NULL,
    jti uuid DEFAULT extensions.gen_random_uuid() NOT NULL,
    user_id bigint NOT NULL,
    sudo_by bigint,
    parent_id bigint,
    user_agent text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT sessions_sudo_has_parent CHECK (((sudo_by IS NULL) = (parent_id IS NULL))),
    CONSTRAINT sessions_user_agent_length CHECK ((length(user_agent) <= 200))
);

ALTER TABLE ONLY auth.sessions FORCE ROW LEVEL SECURITY;

ALTER TABLE auth.sessions OWNER TO ok_owner;

COMMENT ON TABLE auth.sessions IS 'Browser sessions (api.login) and impersonation sessions (api.sudo); checked by jti on every request.';

COMMENT ON COLUMN auth.sessions.sudo_by IS 'The site admin acting as user_id in this session (sudo), else null.';

COMMENT ON COLUMN auth.sessions.parent_id IS 'The admin''s own session that a sudo session returns to.';

CREATE VIEW api.my_sessions WITH (security_invoker='true') AS
 SELECT s.id,
    s.user_agent,
    s.created_at,
    s.last_seen_at,
    s.expires_at,
    (s.sudo_by IS NOT NULL) AS by_administrator,
    (s.id = ( SELECT auth.session_id() AS session_id)) AS current
   FROM auth.sessions s
  WHERE ((s.user_id = ( SELECT auth.user_id() AS user_id)) AND (s.revoked_at IS NULL) AND (s.expires_at > now()))
  ORDER BY s.created_at DESC;

ALTER TABLE api.my_sessions OWNER TO ok_owner;

COMMENT ON VIEW api.my_sessions IS 'The signed-in user''s live browser sessions (no secrets).';

CREATE VIEW api.my_teaching WITH (security_invoker='true') AS
 SELECT e.offering,
    e.display_name,
    e.role
   FROM api.my_enrollments e
  WHERE e.teaches;

ALTER TABLE api.my_teaching OWNER TO ok_owner;

COMMENT ON VIEW api.my_teaching IS 'Courses the signed-in user teaches, with their role.';

CREATE TABLE auth.oauth_tokens (
    id bigint NOT NULL,
    jti uuid DEFAULT extensions.gen_random_uuid() NOT NULL,
    client_id text NOT NULL,
    user_id bigint NOT NULL,
    scopes text[] NOT NULL,
    refresh_token_hash text NOT NULL,
    access_expires_at timestamp with time zone NOT NULL,
    refresh_expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_refreshed_at timestamp with time zone,
    CONSTRAINT oauth_tokens_scopes_known CHECK (((scopes <@ ARRAY['all'::text, 'email'::text]) AND (scopes <> '{}'::text[])))
);

ALTER TABLE ONLY auth.oauth_tokens FORCE ROW LEVEL SECURITY;

ALTER TABLE auth.oauth_tokens OWNER TO ok_owner;

CREATE VIEW api.my_tokens WITH (security_invoker='true') AS
 SELECT t.id,
    t.client_id,
    t.scopes,
    t.created_at,
    t.last_refreshed_at,
    t.refresh_expires_at,
    t.revoked_at,
    ((t.revoked_at IS NULL) AND (t.refresh_expires_at > now())) AS live
   FROM auth.oauth_tokens t
  WHERE (t.user_id = ( SELECT auth.user_id() AS user_id))
  ORDER BY t.created_at DESC;

ALTER TABLE api.my_tokens OWNER TO ok_owner;

COMMENT ON VIEW api.my_tokens IS 'The signed-in user''s tokens (no secrets).';

ALTER TABLE app.assignments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.assignments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.audit_log (
    id bigint NOT NULL,
    actor_id bigint,
    actor text NOT NULL,
    action text NOT NULL,
    table_name text NOT NULL,
    row_key jsonb,
    course_id bigint,
    before jsonb,
    after jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    real_actor_id bigint
);

ALTER TABLE ONLY app.audit_log FORCE ROW LEVEL SECURITY;

ALTER TABLE app.audit_log OWNER TO ok_owner;

COMMENT ON COLUMN app.audit_log.real_actor_id IS 'The site admin who really acted when actor_id is the user they were acting as (sudo); null otherwise.';

ALTER TABLE app.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE app.backups ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.backups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.client_versions (
    name text NOT NULL,
    current_version text NOT NULL,
    download_link text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT client_versions_version_format CHECK ((current_version ~ '^v?[0-9]+(\.[0-9]+)*$'::text))
);

ALTER TABLE ONLY app.client_versions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.client_versions OWNER TO ok_owner;

CREATE TABLE app.comments (
    id bigint NOT NULL,
    backup_id bigint NOT NULL,
    course_id bigint NOT NULL,
    author_id bigint NOT NULL,
    filename text NOT NULL,
    line integer NOT NULL,
    message text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT comments_line_positive CHECK ((line >= 0)),
    CONSTRAINT comments_message_present CHECK ((btrim(message) <> ''::text))
);

ALTER TABLE ONLY app.comments FORCE ROW LEVEL SECURITY;

ALTER TABLE app.comments OWNER TO ok_owner;

ALTER TABLE app.comments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE app.courses ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.courses_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.group_members (
    assignment_id bigint NOT NULL,
    user_id bigint NOT NULL,
    group_id bigint NOT NULL,
    status app.member_status DEFAULT 'pending'::app.member_status NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.group_members FORCE ROW LEVEL SECURITY;

ALTER TABLE app.group_members OWNER TO ok_owner;

CREATE VIEW app.current_groups AS
 SELECT mine.assignment_id,
    mine.user_id,
    mine.group_id,
    array_agg(other.user_id ORDER BY other.user_id) AS member_ids
   FROM (app.group_members mine
     JOIN app.group_members other ON (((mine.group_id = other.group_id) AND (mine.assignment_id = other.assignment_id) AND (other.status = 'active'::app.member_status))))
  WHERE (mine.status = 'active'::app.member_status)
  GROUP BY mine.assignment_id, mine.user_id, mine.group_id;

ALTER TABLE app.current_groups OWNER TO ok_owner;

COMMENT ON VIEW app.current_groups IS 'Each active group membership with every active member of the group.';

CREATE TABLE app.email_outbox (
    id bigint NOT NULL,
    course_id bigint,
    to_address text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    body_html text,
    status app.mail_status DEFAULT 'queued'::app.mail_status NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    claimed_at timestamp with time zone,
    sent_at timestamp with time zone
);

ALTER TABLE ONLY app.email_outbox FORCE ROW LEVEL SECURITY;

ALTER TABLE app.email_outbox OWNER TO ok_owner;

ALTER TABLE app.email_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.email_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE app.extension_requests ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.extension_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE app.extensions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.extensions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE app.grading_tasks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.grading_tasks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.group_actions (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    actor_id bigint,
    target_id bigint,
    action text NOT NULL,
    group_before jsonb,
    group_after jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT group_actions_action_known CHECK ((action = ANY (ARRAY['invite'::text, 'accept'::text, 'decline'::text, 'leave'::text, 'remove'::text, 'revoke'::text, 'staff_add'::text, 'staff_remove'::text])))
);

ALTER TABLE ONLY app.group_actions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.group_actions OWNER TO ok_owner;

ALTER TABLE app.group_actions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.group_actions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.groups (
    id bigint NOT NULL,
    assignment_id bigint NOT NULL,
    course_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.groups FORCE ROW LEVEL SECURITY;

ALTER TABLE app.groups OWNER TO ok_owner;

ALTER TABLE app.groups ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.jobs (
    id bigint NOT NULL,
    course_id bigint,
    user_id bigint NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    params jsonb DEFAULT '{}'::jsonb NOT NULL,
    status app.job_status DEFAULT 'queued'::app.job_status NOT NULL,
    progress numeric DEFAULT 0 NOT NULL,
    log text DEFAULT ''::text NOT NULL,
    result_kind text,
    result text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT jobs_progress_fraction CHECK (((progress >= (0)::numeric) AND (progress <= (1)::numeric))),
    CONSTRAINT jobs_result_kind_known CHECK ((result_kind = ANY (ARRAY['html'::text, 'string'::text, 'link'::text])))
);

ALTER TABLE ONLY app.jobs FORCE ROW LEVEL SECURITY;

ALTER TABLE app.jobs OWNER TO ok_owner;

ALTER TABLE app.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.messages (
    backup_id bigint NOT NULL,
    kind text NOT NULL,
    contents jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT messages_kind_present CHECK ((kind <> ''::text))
);
ALTER TABLE ONLY app.messages ALTER COLUMN contents SET COMPRESSION lz4;

ALTER TABLE ONLY app.messages FORCE ROW LEVEL SECURITY;

ALTER TABLE app.messages OWNER TO ok_owner;

ALTER TABLE app.scores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.scores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.submitter_finals (
    assignment_id bigint NOT NULL,
    submitter_id bigint NOT NULL,
    backup_id bigint NOT NULL
);

ALTER TABLE ONLY app.submitter_finals FORCE ROW LEVEL SECURITY;

ALTER TABLE app.submitter_finals OWNER TO ok_owner;

COMMENT ON TABLE app.submitter_finals IS 'Each submitter''s own backup that counts for an assignment (app.counting_backup), kept by triggers on app.backups.';

ALTER TABLE app.users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE auth.oauth_grants (
    id bigint NOT NULL,
    client_id text NOT NULL,
    user_id bigint NOT NULL,
    code_hash text NOT NULL,
    redirect_uri text NOT NULL,
    scopes text[] NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    code_challenge text,
    code_challenge_method text,
    CONSTRAINT oauth_grants_pkce CHECK ((((code_challenge IS NULL) AND (code_challenge_method IS NULL)) OR ((code_challenge_method = 'S256'::text) AND (code_challenge ~ '^[A-Za-z0-9_-]{43}$'::text))))
);

ALTER TABLE ONLY auth.oauth_grants FORCE ROW LEVEL SECURITY;

ALTER TABLE auth.oauth_grants OWNER TO ok_owner;

COMMENT ON COLUMN auth.oauth_grants.code_challenge IS 'RFC 7636 PKCE: BASE64URL(SHA256(code_verifier)) sent with the authorization request, or null.';

ALTER TABLE auth.oauth_grants ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME auth.oauth_grants_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE auth.oauth_tokens ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME auth.oauth_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE auth.sessions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME auth.sessions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE auth.settings (
    name text NOT NULL,
    value text NOT NULL
);

ALTER TABLE ONLY auth.settings FORCE ROW LEVEL SECURITY;

ALTER TABLE auth.settings OWNER TO ok_owner;

ALTER TABLE ONLY app.assignments
    ADD CONSTRAINT assignments_id_course_key UNIQUE (id, course_id);

ALTER TABLE ONLY app.assignments
    ADD CONSTRAINT assignments_name_key UNIQUE (name);

ALTER TABLE ONLY app.assignments
    ADD CONSTRAINT assignments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.backups
    ADD CONSTRAINT backups_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.client_versions
    ADD CONSTRAINT client_versions_pkey PRIMARY KEY (name);

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.courses
    ADD CONSTRAINT courses_export_token_hash_key UNIQUE (export_token_hash);

ALTER TABLE ONLY app.courses
    ADD CONSTRAINT courses_offering_key UNIQUE (offering);

ALTER TABLE ONLY app.courses
    ADD CONSTRAINT courses_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.email_outbox
    ADD CONSTRAINT email_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.enrollments
    ADD CONSTRAINT enrollments_pkey PRIMARY KEY (user_id, course_id);

ALTER TABLE ONLY app.extension_requests
    ADD CONSTRAINT extension_requests_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.extensions
    ADD CONSTRAINT extensions_assignment_user_key UNIQUE (assignment_id, user_id);

ALTER TABLE ONLY app.extensions
    ADD CONSTRAINT extensions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_backup_kind_key UNIQUE (backup_id, kind);

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.group_actions
    ADD CONSTRAINT group_actions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.group_members
    ADD CONSTRAINT group_members_pkey PRIMARY KEY (assignment_id, user_id);

ALTER TABLE ONLY app.groups
    ADD CONSTRAINT groups_id_assignment_key UNIQUE (id, assignment_id);

ALTER TABLE ONLY app.groups
    ADD CONSTRAINT groups_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (backup_id, kind);

ALTER TABLE ONLY app.scores
    ADD CONSTRAINT scores_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.submitter_finals
    ADD CONSTRAINT submitter_finals_pkey PRIMARY KEY (assignment_id, submitter_id);

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY auth.oauth_clients
    ADD CONSTRAINT oauth_clients_pkey PRIMARY KEY (client_id);

ALTER TABLE ONLY auth.oauth_grants
    ADD CONSTRAINT oauth_grants_code_hash_key UNIQUE (code_hash);

ALTER TABLE ONLY auth.oauth_grants
    ADD CONSTRAINT oauth_grants_pkey PRIMARY KEY (id);

ALTER TABLE ONLY auth.oauth_tokens
    ADD CONSTRAINT oauth_tokens_jti_key UNIQUE (jti);

ALTER TABLE ONLY auth.oauth_tokens
    ADD CONSTRAINT oauth_tokens_pkey PRIMARY KEY (id);

ALTER TABLE ONLY auth.oauth_tokens
    ADD CONSTRAINT oauth_tokens_refresh_token_hash_key UNIQUE (refresh_token_hash);

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_jti_key UNIQUE (jti);

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY auth.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (name);

CREATE INDEX assignments_course_idx ON app.assignments USING btree (course_id);

CREATE INDEX audit_log_course_idx ON app.audit_log USING btree (course_id, created_at);

CREATE INDEX backups_assignment_submitter_created_idx ON app.backups USING btree (assignment_id, submitter_id, created_at DESC);

CREATE INDEX backups_course_created_idx ON app.backups USING btree (course_id, created_at);

CREATE INDEX backups_flagged_idx ON app.backups USING btree (assignment_id) WHERE flagged;

CREATE UNIQUE INDEX backups_one_flag_per_submitter_idx ON app.backups USING btree (assignment_id, submitter_id) WHERE flagged;

CREATE INDEX backups_submissions_idx ON app.backups USING btree (assignment_id, submitter_id, created_at DESC) WHERE submit;

CREATE INDEX backups_submitter_idx ON app.backups USING btree (submitter_id, created_at DESC);

CREATE INDEX comments_backup_idx ON app.comments USING btree (backup_id, filename, line);

CREATE INDEX email_outbox_queued_idx ON app.email_outbox USING btree (id) WHERE (status = 'queued'::app.mail_status);

CREATE INDEX enrollments_course_role_idx ON app.enrollments USING btree (course_id, role);

CREATE UNIQUE INDEX extension_requests_one_pending_idx ON app.extension_requests USING btree (assignment_id, user_id) WHERE (status = 'pending'::app.request_status);

CREATE INDEX grading_tasks_backup_idx ON app.grading_tasks USING btree (backup_id);

CREATE INDEX grading_tasks_queue_idx ON app.grading_tasks USING btree (assignment_id, grader_id, id) WHERE (score_id IS NULL);

CREATE INDEX group_actions_assignment_idx ON app.group_actions USING btree (assignment_id, created_at);

CREATE INDEX group_members_active_user_idx ON app.group_members USING btree (user_id) WHERE (status = 'active'::app.member_status);

CREATE INDEX group_members_group_idx ON app.group_members USING btree (group_id);

CREATE INDEX jobs_queued_idx ON app.jobs USING btree (id) WHERE (status = 'queued'::app.job_status);

CREATE INDEX scores_assignment_user_idx ON app.scores USING btree (assignment_id, user_id) WHERE (NOT archived);

CREATE UNIQUE INDEX scores_one_active_per_kind_idx ON app.scores USING btree (backup_id, kind) WHERE (NOT archived);

CREATE INDEX submitter_finals_backup_idx ON app.submitter_finals USING btree (backup_id);

CREATE UNIQUE INDEX users_email_key ON app.users USING btree (lower(email));

CREATE INDEX oauth_tokens_user_idx ON auth.oauth_tokens USING btree (user_id);

CREATE INDEX sessions_parent_idx ON auth.sessions USING btree (parent_id) WHERE (parent_id IS NOT NULL);

CREATE INDEX sessions_sudo_by_idx ON auth.sessions USING btree (sudo_by) WHERE (sudo_by IS NOT NULL);

CREATE INDEX sessions_user_idx ON auth.sessions USING btree (user_id);

CREATE TRIGGER _001_append_only BEFORE DELETE OR UPDATE ON app.audit_log FOR EACH ROW EXECUTE FUNCTION app.tg_audit_log__append_only();

CREATE TRIGGER _001_append_only_truncate BEFORE TRUNCATE ON app.audit_log FOR EACH STATEMENT EXECUTE FUNCTION app.tg_audit_log__append_only();

CREATE TRIGGER _010_check_name BEFORE INSERT OR UPDATE OF name, course_id ON app.assignments FOR EACH ROW EXECUTE FUNCTION app.tg_assignments__check_name();

CREATE TRIGGER _050_immutable BEFORE UPDATE OF assignment_id, course_id, submitter_id, creator_id, created_at ON app.backups FOR EACH ROW EXECUTE FUNCTION app.tg_backups__immutable();

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON app.comments FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

CREATE TRIGGER _100_set_updated_at BEFORE UPDATE ON app.jobs FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

CREATE TRIGGER _100_submitter_finals AFTER INSERT ON app.backups FOR EACH ROW EXECUTE FUNCTION app.tg_backups__submitter_finals();

CREATE TRIGGER _100_submitter_finals_change AFTER UPDATE OF flagged, submit ON app.backups FOR EACH ROW WHEN (((old.flagged IS DISTINCT FROM new.flagged) OR (old.submit IS DISTINCT FROM new.submit))) EXECUTE FUNCTION app.tg_backups__submitter_finals();

CREATE TRIGGER _100_submitter_finals_delete AFTER DELETE ON app.backups FOR EACH ROW EXECUTE FUNCTION app.tg_backups__submitter_finals();

CREATE TRIGGER _200_complete_tasks AFTER INSERT ON app.scores FOR EACH ROW EXECUTE FUNCTION app.tg_scores__complete_tasks();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.assignments FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER UPDATE OF flagged, submit, custom_submission_time ON app.backups FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.courses FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.enrollments FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.extension_requests FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.extensions FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.group_members FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.scores FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_audit AFTER INSERT OR DELETE OR UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.tg__audit();

CREATE TRIGGER _900_notify_worker AFTER INSERT ON app.email_outbox FOR EACH STATEMENT EXECUTE FUNCTION app.tg_email_outbox__notify();

ALTER TABLE ONLY app.assignments
    ADD CONSTRAINT assignments_course_id_fkey FOREIGN KEY (course_id) REFERENCES app.courses(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.assignments
    ADD CONSTRAINT assignments_creator_id_fkey FOREIGN KEY (creator_id) REFERENCES app.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY app.backups
    ADD CONSTRAINT backups_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.backups
    ADD CONSTRAINT backups_creator_id_fkey FOREIGN KEY (creator_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.backups
    ADD CONSTRAINT backups_flagged_by_fkey FOREIGN KEY (flagged_by) REFERENCES app.users(id);

ALTER TABLE ONLY app.backups
    ADD CONSTRAINT backups_submitter_id_fkey FOREIGN KEY (submitter_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES app.backups(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_course_id_fkey FOREIGN KEY (course_id) REFERENCES app.courses(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.email_outbox
    ADD CONSTRAINT email_outbox_course_id_fkey FOREIGN KEY (course_id) REFERENCES app.courses(id) ON DELETE SET NULL;

ALTER TABLE ONLY app.enrollments
    ADD CONSTRAINT enrollments_course_id_fkey FOREIGN KEY (course_id) REFERENCES app.courses(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.enrollments
    ADD CONSTRAINT enrollments_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.extension_requests
    ADD CONSTRAINT extension_requests_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.extension_requests
    ADD CONSTRAINT extension_requests_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES app.users(id);

ALTER TABLE ONLY app.extension_requests
    ADD CONSTRAINT extension_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.extensions
    ADD CONSTRAINT extensions_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.extensions
    ADD CONSTRAINT extensions_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.extensions
    ADD CONSTRAINT extensions_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES app.backups(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_grader_id_fkey FOREIGN KEY (grader_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.grading_tasks
    ADD CONSTRAINT grading_tasks_score_id_fkey FOREIGN KEY (score_id) REFERENCES app.scores(id) ON DELETE SET NULL;

ALTER TABLE ONLY app.group_actions
    ADD CONSTRAINT group_actions_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.group_actions
    ADD CONSTRAINT group_actions_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.group_actions
    ADD CONSTRAINT group_actions_target_id_fkey FOREIGN KEY (target_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.group_members
    ADD CONSTRAINT group_members_group_fkey FOREIGN KEY (group_id, assignment_id) REFERENCES app.groups(id, assignment_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.group_members
    ADD CONSTRAINT group_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.groups
    ADD CONSTRAINT groups_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.jobs
    ADD CONSTRAINT jobs_course_id_fkey FOREIGN KEY (course_id) REFERENCES app.courses(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.jobs
    ADD CONSTRAINT jobs_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.messages
    ADD CONSTRAINT messages_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES app.backups(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.scores
    ADD CONSTRAINT scores_assignment_fkey FOREIGN KEY (assignment_id, course_id) REFERENCES app.assignments(id, course_id) ON DELETE CASCADE;

ALTER TABLE ONLY app.scores
    ADD CONSTRAINT scores_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES app.backups(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.scores
    ADD CONSTRAINT scores_grader_id_fkey FOREIGN KEY (grader_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.scores
    ADD CONSTRAINT scores_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id);

ALTER TABLE ONLY app.submitter_finals
    ADD CONSTRAINT submitter_finals_assignment_id_fkey FOREIGN KEY (assignment_id) REFERENCES app.assignments(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.submitter_finals
    ADD CONSTRAINT submitter_finals_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES app.backups(id) ON DELETE CASCADE;

ALTER TABLE ONLY app.submitter_finals
    ADD CONSTRAINT submitter_finals_submitter_id_fkey FOREIGN KEY (submitter_id) REFERENCES app.users(id);

ALTER TABLE ONLY auth.oauth_clients
    ADD CONSTRAINT oauth_clients_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app.users(id) ON DELETE SET NULL;

ALTER TABLE ONLY auth.oauth_grants
    ADD CONSTRAINT oauth_grants_client_id_fkey FOREIGN KEY (client_id) REFERENCES auth.oauth_clients(client_id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.oauth_grants
    ADD CONSTRAINT oauth_grants_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.oauth_tokens
    ADD CONSTRAINT oauth_tokens_client_id_fkey FOREIGN KEY (client_id) REFERENCES auth.oauth_clients(client_id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.oauth_tokens
    ADD CONSTRAINT oauth_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES auth.sessions(id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_sudo_by_fkey FOREIGN KEY (sudo_by) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

ALTER TABLE app.assignments ENABLE ROW LEVEL SECURITY;

CREATE POLICY assignments_admin_all ON app.assignments TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY assignments_analytics_read ON app.assignments FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY assignments_owner_all ON app.assignments TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY assignments_select ON app.assignments FOR SELECT TO ok_anon, ok_user USING ((visible OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

CREATE POLICY assignments_write ON app.assignments TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.audit_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY audit_log_admin_select ON app.audit_log FOR SELECT TO ok_admin USING (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY audit_log_owner_all ON app.audit_log TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY audit_log_select ON app.audit_log FOR SELECT TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.backups ENABLE ROW LEVEL SECURITY;

CREATE POLICY backups_admin_all ON app.backups TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY backups_analytics_read ON app.backups FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY backups_insert ON app.backups FOR INSERT TO ok_user WITH CHECK ((((submitter_id = ( SELECT auth.user_id() AS user_id)) AND (creator_id IS NULL)) OR ((creator_id = ( SELECT auth.user_id() AS user_id)) AND (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])))));

CREATE POLICY backups_owner_all ON app.backups TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY backups_select ON app.backups FOR SELECT TO ok_user USING (((submitter_id = ( SELECT auth.user_id() AS user_id)) OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR ((assignment_id, submitter_id) IN ( SELECT g.assignment_id,
    g.user_id
   FROM auth.group_mates() g(assignment_id, user_id)))));

CREATE POLICY backups_update ON app.backups FOR UPDATE TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.client_versions ENABLE ROW LEVEL SECURITY;

CREATE POLICY client_versions_admin_all ON app.client_versions TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY client_versions_owner_all ON app.client_versions TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY client_versions_select ON app.client_versions FOR SELECT TO ok_anon, ok_user USING (true);

ALTER TABLE app.comments ENABLE ROW LEVEL SECURITY;

CREATE POLICY comments_admin_all ON app.comments TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY comments_delete ON app.comments FOR DELETE TO ok_user USING ((author_id = ( SELECT auth.user_id() AS user_id)));

CREATE POLICY comments_insert ON app.comments FOR INSERT TO ok_user WITH CHECK (((author_id = ( SELECT auth.user_id() AS user_id)) AND ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR (EXISTS ( SELECT 1
   FROM app.backups b
  WHERE (b.id = comments.backup_id))))));

CREATE POLICY comments_owner_all ON app.comments TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY comments_select ON app.comments FOR SELECT TO ok_user USING (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR (EXISTS ( SELECT 1
   FROM app.backups b
  WHERE (b.id = comments.backup_id)))));

CREATE POLICY comments_update ON app.comments FOR UPDATE TO ok_user USING ((author_id = ( SELECT auth.user_id() AS user_id))) WITH CHECK ((author_id = ( SELECT auth.user_id() AS user_id)));

ALTER TABLE app.courses ENABLE ROW LEVEL SECURITY;

CREATE POLICY courses_admin_all ON app.courses TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY courses_analytics_read ON app.courses FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY courses_owner_all ON app.courses TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY courses_select ON app.courses FOR SELECT TO ok_anon, ok_user USING (true);

CREATE POLICY courses_update ON app.courses FOR UPDATE TO ok_user USING ((id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.email_outbox ENABLE ROW LEVEL SECURITY;

CREATE POLICY email_outbox_admin_all ON app.email_outbox TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY email_outbox_owner_all ON app.email_outbox TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY email_outbox_worker ON app.email_outbox TO ok_worker USING (true) WITH CHECK (true);

ALTER TABLE app.enrollments ENABLE ROW LEVEL SECURITY;

CREATE POLICY enrollments_admin_all ON app.enrollments TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY enrollments_analytics_read ON app.enrollments FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY enrollments_owner_all ON app.enrollments TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY enrollments_select ON app.enrollments FOR SELECT TO ok_user USING (((user_id = ( SELECT auth.user_id() AS user_id)) OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

CREATE POLICY enrollments_write ON app.enrollments TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.extension_requests ENABLE ROW LEVEL SECURITY;

CREATE POLICY extension_requests_admin_all ON app.extension_requests TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY extension_requests_analytics_read ON app.extension_requests FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY extension_requests_decide ON app.extension_requests FOR UPDATE TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

CREATE POLICY extension_requests_insert ON app.extension_requests FOR INSERT TO ok_user WITH CHECK (((user_id = ( SELECT auth.user_id() AS user_id)) AND (status = 'pending'::app.request_status) AND (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['student'::text, 'lab_assistant'::text, 'reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

CREATE POLICY extension_requests_owner_all ON app.extension_requests TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY extension_requests_select ON app.extension_requests FOR SELECT TO ok_user USING (((user_id = ( SELECT auth.user_id() AS user_id)) OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

ALTER TABLE app.extensions ENABLE ROW LEVEL SECURITY;

CREATE POLICY extensions_admin_all ON app.extensions TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY extensions_analytics_read ON app.extensions FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY extensions_owner_all ON app.extensions TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY extensions_select ON app.extensions FOR SELECT TO ok_user USING (((user_id = ( SELECT auth.user_id() AS user_id)) OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

CREATE POLICY extensions_write ON app.extensions TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.grading_tasks ENABLE ROW LEVEL SECURITY;

CREATE POLICY grading_tasks_admin_all ON app.grading_tasks TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY grading_tasks_owner_all ON app.grading_tasks TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY grading_tasks_staff ON app.grading_tasks TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.group_actions ENABLE ROW LEVEL SECURITY;

CREATE POLICY group_actions_admin_all ON app.group_actions TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY group_actions_owner_all ON app.group_actions TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY group_actions_select ON app.group_actions FOR SELECT TO ok_user USING (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR (actor_id = ( SELECT auth.user_id() AS user_id)) OR (target_id = ( SELECT auth.user_id() AS user_id))));

ALTER TABLE app.group_members ENABLE ROW LEVEL SECURITY;

CREATE POLICY group_members_admin_all ON app.group_members TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY group_members_analytics_read ON app.group_members FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY group_members_owner_all ON app.group_members TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY group_members_select ON app.group_members FOR SELECT TO ok_user USING (((user_id = ( SELECT auth.user_id() AS user_id)) OR (assignment_id IN ( SELECT a.id
   FROM app.assignments a
  WHERE (a.course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))))));

ALTER TABLE app.groups ENABLE ROW LEVEL SECURITY;

CREATE POLICY groups_admin_all ON app.groups TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY groups_analytics_read ON app.groups FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY groups_owner_all ON app.groups TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY groups_select ON app.groups FOR SELECT TO ok_user USING (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR (id IN ( SELECT gm.group_id
   FROM app.group_members gm
  WHERE (gm.user_id = ( SELECT auth.user_id() AS user_id))))));

ALTER TABLE app.jobs ENABLE ROW LEVEL SECURITY;

CREATE POLICY jobs_admin_all ON app.jobs TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY jobs_owner_all ON app.jobs TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY jobs_select ON app.jobs FOR SELECT TO ok_user USING (((user_id = ( SELECT auth.user_id() AS user_id)) OR (course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))));

CREATE POLICY jobs_worker ON app.jobs TO ok_worker USING (true) WITH CHECK (true);

ALTER TABLE app.messages ENABLE ROW LEVEL SECURITY;

CREATE POLICY messages_admin_all ON app.messages TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY messages_insert ON app.messages FOR INSERT TO ok_user WITH CHECK ((EXISTS ( SELECT 1
   FROM app.backups b
  WHERE ((b.id = messages.backup_id) AND (b.created_at = now()) AND ((b.submitter_id = ( SELECT auth.user_id() AS user_id)) OR (b.creator_id = ( SELECT auth.user_id() AS user_id)))))));

CREATE POLICY messages_owner_all ON app.messages TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY messages_select ON app.messages FOR SELECT TO ok_user USING ((EXISTS ( SELECT 1
   FROM app.backups b
  WHERE (b.id = messages.backup_id))));

ALTER TABLE app.scores ENABLE ROW LEVEL SECURITY;

CREATE POLICY scores_admin_all ON app.scores TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY scores_analytics_read ON app.scores FOR SELECT TO ok_analytics_owner USING (true);

CREATE POLICY scores_delete ON app.scores FOR DELETE TO ok_user USING (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) AND (grader_id = ( SELECT auth.user_id() AS user_id))));

CREATE POLICY scores_insert ON app.scores FOR INSERT TO ok_user WITH CHECK (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) AND (grader_id = ( SELECT auth.user_id() AS user_id))));

CREATE POLICY scores_owner_all ON app.scores TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY scores_select ON app.scores FOR SELECT TO ok_user USING (((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])) OR ((NOT archived) AND ((user_id = ( SELECT auth.user_id() AS user_id)) OR ((assignment_id, user_id) IN ( SELECT g.assignment_id,
    g.user_id
   FROM auth.group_mates() g(assignment_id, user_id)))) AND (kind = ANY (( SELECT a.published_score_kinds
   FROM app.assignments a
  WHERE (a.id = scores.assignment_id))::text[])))));

CREATE POLICY scores_update ON app.scores FOR UPDATE TO ok_user USING ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[]))) WITH CHECK ((course_id = ANY (( SELECT auth.course_ids(VARIADIC ARRAY['reader'::text, 'ta'::text, 'instructor'::text]) AS course_ids)::bigint[])));

ALTER TABLE app.submitter_finals ENABLE ROW LEVEL SECURITY;

CREATE POLICY submitter_finals_admin_all ON app.submitter_finals TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY submitter_finals_owner_all ON app.submitter_finals TO ok_owner USING (true) WITH CHECK (true);

ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;

CREATE POLICY users_admin_all ON app.users TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY users_owner_all ON app.users TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY users_select ON app.users FOR SELECT TO ok_user USING ((id IN ( SELECT auth.visible_user_ids() AS visible_user_ids)));

ALTER TABLE auth.oauth_clients ENABLE ROW LEVEL SECURITY;

CREATE POLICY oauth_clients_admin_all ON auth.oauth_clients TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY oauth_clients_owner_all ON auth.oauth_clients TO ok_owner USING (true) WITH CHECK (true);

ALTER TABLE auth.oauth_grants ENABLE ROW LEVEL SECURITY;

CREATE POLICY oauth_grants_admin_all ON auth.oauth_grants TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY oauth_grants_owner_all ON auth.oauth_grants TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY oauth_grants_select ON auth.oauth_grants FOR SELECT TO ok_user USING ((user_id = ( SELECT auth.user_id() AS user_id)));

ALTER TABLE auth.oauth_tokens ENABLE ROW LEVEL SECURITY;

CREATE POLICY oauth_tokens_admin_all ON auth.oauth_tokens TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY oauth_tokens_owner_all ON auth.oauth_tokens TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY oauth_tokens_revoke ON auth.oauth_tokens FOR UPDATE TO ok_user USING ((user_id = ( SELECT auth.user_id() AS user_id))) WITH CHECK ((user_id = ( SELECT auth.user_id() AS user_id)));

CREATE POLICY oauth_tokens_select ON auth.oauth_tokens FOR SELECT TO ok_user USING ((user_id = ( SELECT auth.user_id() AS user_id)));

ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;

CREATE POLICY sessions_admin_all ON auth.sessions TO ok_admin USING (( SELECT auth.is_admin() AS is_admin)) WITH CHECK (( SELECT auth.is_admin() AS is_admin));

CREATE POLICY sessions_owner_all ON auth.sessions TO ok_owner USING (true) WITH CHECK (true);

CREATE POLICY sessions_revoke ON auth.sessions FOR UPDATE TO ok_user USING ((user_id = ( SELECT auth.user_id() AS user_id))) WITH CHECK (((user_id = ( SELECT auth.user_id() AS user_id)) AND (revoked_at IS NOT NULL)));

CREATE POLICY sessions_select ON auth.sessions FOR SELECT TO ok_user USING ((user_id = ( SELECT auth.user_id() AS user_id)));

ALTER TABLE auth.settings ENABLE ROW LEVEL SECURITY;

CREATE POLICY settings_analytics_salt ON auth.settings FOR SELECT TO ok_analytics_owner USING ((name = 'analytics_salt'::text));

CREATE POLICY settings_owner_all ON auth.settings TO ok_owner USING (true) WITH CHECK (true);

GRANT USAGE ON SCHEMA analytics TO ok_analytics;

GRANT ALL ON SCHEMA api TO ok_api;
GRANT USAGE ON SCHEMA api TO ok_anon;
GRANT USAGE ON SCHEMA api TO ok_user;
GRANT USAGE ON SCHEMA api TO ok_worker;
GRANT USAGE ON SCHEMA api TO ok_auth;

GRANT USAGE ON SCHEMA app TO ok_anon;
GRANT USAGE ON SCHEMA app TO ok_user;
GRANT USAGE ON SCHEMA app TO ok_worker;
GRANT USAGE ON SCHEMA app TO ok_auth;
GRANT USAGE ON SCHEMA app TO ok_analytics_owner;

GRANT USAGE ON SCHEMA auth TO ok_anon;
GRANT USAGE ON SCHEMA auth TO ok_user;
GRANT USAGE ON SCHEMA auth TO ok_worker;
GRANT USAGE ON SCHEMA auth TO ok_auth;
GRANT USAGE ON SCHEMA auth TO ok_analytics_owner;

GRANT USAGE ON SCHEMA extensions TO ok_owner;
GRANT USAGE ON SCHEMA extensions TO ok_anon;
GRANT USAGE ON SCHEMA extensions TO ok_user;
GRANT USAGE ON SCHEMA extensions TO ok_worker;
GRANT USAGE ON SCHEMA extensions TO ok_auth;
GRANT USAGE ON SCHEMA extensions TO ok_analytics_owner;

REVOKE ALL ON FUNCTION analytics.student_key(user_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION analytics.student_key(user_id bigint) TO ok_analytics;

REVOKE ALL ON FUNCTION api.assign_grading(assignment text, graders text[], kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.assign_grading(assignment text, graders text[], kind text) TO ok_user;

REVOKE ALL ON FUNCTION api.assignment_page(name text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.assignment_page(name text) TO ok_user;

REVOKE ALL ON FUNCTION api.assignment_scores(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.assignment_scores(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.backup_page(name text, key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.backup_page(name text, key text) TO ok_user;

REVOKE ALL ON FUNCTION api.create_assignment(name text, display_name text, due text, lock text, max_group_size integer, revisions_allowed boolean, visible boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_assignment(name text, display_name text, due text, lock text, max_group_size integer, revisions_allowed boolean, visible boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.create_course(offering text, display_name text, timezone text, institution text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_course(offering text, display_name text, timezone text, institution text) TO ok_admin;

REVOKE ALL ON FUNCTION api.create_user(email text, name text, is_admin boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_user(email text, name text, is_admin boolean) TO ok_admin;

REVOKE ALL ON FUNCTION api.deadlines(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.deadlines(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.deny_extension_request(assignment text, email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.deny_extension_request(assignment text, email text) TO ok_user;

REVOKE ALL ON FUNCTION api.enroll(offering text, email text, role text, sid text, section text, name text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.enroll(offering text, email text, role text, sid text, section text, name text) TO ok_user;

REVOKE ALL ON FUNCTION api.final_submissions(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.final_submissions(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.flag_backup(key text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.flag_backup(key text) TO ok_user;

REVOKE ALL ON FUNCTION api.gradebook(offering text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.gradebook(offering text) TO ok_user;

REVOKE ALL ON FUNCTION api.grant_extension(assignment text, email text, expires text, custom_submission_time text, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.grant_extension(assignment text, email text, expires text, custom_submission_time text, reason text) TO ok_user;

REVOKE ALL ON FUNCTION api.group_invite(assignment text, email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.group_invite(assignment text, email text) TO ok_user;

REVOKE ALL ON FUNCTION api.group_remove(assignment text, email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.group_remove(assignment text, email text) TO ok_user;

REVOKE ALL ON FUNCTION api.group_respond(assignment text, accept boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.group_respond(assignment text, accept boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.group_staff_add(assignment text, email text, partner_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.group_staff_add(assignment text, email text, partner_email text) TO ok_user;

REVOKE ALL ON FUNCTION api.is_course_staff(name text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.is_course_staff(name text) TO ok_user;

REVOKE ALL ON FUNCTION api.issue_token(email text, scope text, expires_in integer, refresh_expires_in integer, client_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.issue_token(email text, scope text, expires_in integer, refresh_expires_in integer, client_id text) TO ok_admin;

REVOKE ALL ON FUNCTION api.login(email text, name text, lifetime integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.login(email text, name text, lifetime integer) TO ok_auth;

REVOKE ALL ON FUNCTION api.logout() FROM PUBLIC;
GRANT ALL ON FUNCTION api.logout() TO ok_user;

REVOKE ALL ON FUNCTION api.my_scores(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.my_scores(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.next_grading_task(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.next_grading_task(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.oauth_authorize(client_id text, redirect_uri text, scope text, code_challenge text, code_challenge_method text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_authorize(client_id text, redirect_uri text, scope text, code_challenge text, code_challenge_method text) TO ok_user;

REVOKE ALL ON FUNCTION api.oauth_client_info(client_id text, redirect_uri text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_client_info(client_id text, redirect_uri text) TO ok_user;
GRANT ALL ON FUNCTION api.oauth_client_info(client_id text, redirect_uri text) TO ok_auth;

REVOKE ALL ON FUNCTION api.oauth_code_pending(code text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_code_pending(code text) TO ok_user;

REVOKE ALL ON FUNCTION api.oauth_exchange_code(client_id text, client_secret text, code text, redirect_uri text, access_ttl integer, refresh_ttl integer, code_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_exchange_code(client_id text, client_secret text, code text, redirect_uri text, access_ttl integer, refresh_ttl integer, code_verifier text) TO ok_auth;

REVOKE ALL ON FUNCTION api.oauth_refresh(client_id text, client_secret text, refresh_token text, access_ttl integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_refresh(client_id text, client_secret text, refresh_token text, access_ttl integer) TO ok_auth;

REVOKE ALL ON FUNCTION api.oauth_revoke(client_id text, client_secret text, refresh_token text, jti uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.oauth_revoke(client_id text, client_secret text, refresh_token text, jti uuid) TO ok_auth;

REVOKE ALL ON FUNCTION api.outbox_claim(batch_size integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.outbox_claim(batch_size integer) TO ok_worker;

REVOKE ALL ON FUNCTION api.outbox_finish(outbox_id bigint, error text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.outbox_finish(outbox_id bigint, error text) TO ok_worker;

REVOKE ALL ON FUNCTION api.request_extension(assignment text, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.request_extension(assignment text, reason text) TO ok_user;

REVOKE ALL ON FUNCTION api.revoke_extension(assignment text, email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_extension(assignment text, email text) TO ok_user;

REVOKE ALL ON FUNCTION api.revoke_my_session(session_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_my_session(session_id bigint) TO ok_user;

REVOKE ALL ON FUNCTION api.revoke_my_token(token_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION api.revoke_my_token(token_id bigint) TO ok_user;

REVOKE ALL ON FUNCTION api.rotate_export_token(offering text, active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.rotate_export_token(offering text, active boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.set_client_version(name text, version text, download_link text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_client_version(name text, version text, download_link text) TO ok_admin;

REVOKE ALL ON FUNCTION api.set_submission_time(key text, at text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_submission_time(key text, at text) TO ok_user;

REVOKE ALL ON FUNCTION api.sign_out_everywhere() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sign_out_everywhere() TO ok_user;

REVOKE ALL ON FUNCTION api.stop_sudo() FROM PUBLIC;
GRANT ALL ON FUNCTION api.stop_sudo() TO ok_user;

REVOKE ALL ON FUNCTION api.sudo(email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sudo(email text) TO ok_admin;

REVOKE ALL ON FUNCTION api.sudo_preview(email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sudo_preview(email text) TO ok_admin;

REVOKE ALL ON FUNCTION api.unflag(assignment text, email text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.unflag(assignment text, email text) TO ok_user;

REVOKE ALL ON FUNCTION api.unqueued_submissions(assignment text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.unqueued_submissions(assignment text) TO ok_user;

REVOKE ALL ON FUNCTION api.update_course(offering text, display_name text, timezone text, active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.update_course(offering text, display_name text, timezone text, active boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_assignment_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_assignment_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_assignment_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_assignment_post(display_name text, due_date text, lock_date text, max_group_size integer, url text, revisions_allowed boolean, autograding_key text, continuous_autograding boolean, uploads_enabled boolean, upload_info text, visible boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_assignment_post(display_name text, due_date text, lock_date text, max_group_size integer, url text, revisions_allowed boolean, autograding_key text, continuous_autograding boolean, uploads_enabled boolean, upload_info text, visible boolean) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_assignment_post(display_name text, due_date text, lock_date text, max_group_size integer, url text, revisions_allowed boolean, autograding_key text, continuous_autograding boolean, uploads_enabled boolean, upload_info text, visible boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_backup_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_backup_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_backup_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_backups_post(assignment text, messages jsonb, submit boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_backups_post(assignment text, messages jsonb, submit boolean) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_backups_post(assignment text, messages jsonb, submit boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_comments_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_comments_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_comments_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_comments_post(filename text, line integer, message text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_comments_post(filename text, line integer, message text) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_comments_post(filename text, line integer, message text) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_course_assignments_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_course_assignments_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_course_assignments_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_course_enrollment_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_course_enrollment_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_course_enrollment_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_course_grades_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_course_grades_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_course_grades_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_course_roster_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_course_roster_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_course_roster_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_enrollment_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_enrollment_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_enrollment_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_export_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_export_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_export_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_group_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_group_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_group_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_info() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_info() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_info() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_revision_post(assignment text, messages jsonb, submit boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_revision_post(assignment text, messages jsonb, submit boolean) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_revision_post(assignment text, messages jsonb, submit boolean) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_score_post(bid text, kind text, score numeric, message text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_score_post(bid text, kind text, score numeric, message text) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_score_post(bid text, kind text, score numeric, message text) TO ok_user;

REVOKE ALL ON FUNCTION api.v3_submissions_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_submissions_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_submissions_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_user_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_user_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_user_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_version_get() FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_version_get() TO ok_anon;
GRANT ALL ON FUNCTION api.v3_version_get() TO ok_user;

REVOKE ALL ON FUNCTION api.v3_version_post(current_version text, download_link text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.v3_version_post(current_version text, download_link text) TO ok_anon;
GRANT ALL ON FUNCTION api.v3_version_post(current_version text, download_link text) TO ok_user;

REVOKE ALL ON FUNCTION app.assignment_exists(name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.assignment_exists(name text) TO ok_api;

REVOKE ALL ON FUNCTION app.assignment_for_change(name text, OUT assignment_id bigint, OUT course_id bigint, OUT assignment_name text, OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT max_group_size integer, OUT is_staff boolean, OUT is_ta boolean, OUT is_admin boolean, OUT is_open boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app.assignment_for_change(name text, OUT assignment_id bigint, OUT course_id bigint, OUT assignment_name text, OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT max_group_size integer, OUT is_staff boolean, OUT is_ta boolean, OUT is_admin boolean, OUT is_open boolean) TO ok_api;

REVOKE ALL ON FUNCTION app.assignment_units(assignment_id bigint, for_user bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.best_scores(course_id bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.counting_backup(backup_ids bigint[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.course_time_text(ts timestamp with time zone, timezone text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.course_time_text(ts timestamp with time zone, timezone text) TO ok_api;

REVOKE ALL ON FUNCTION app.csv_field(value text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.csv_field(value text) TO ok_api;

REVOKE ALL ON FUNCTION app.effective_dates(assignment_id bigint, member_ids bigint[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.ensure_user(email text, name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.ensure_user(email text, name text) TO ok_api;

REVOKE ALL ON FUNCTION app.final_submissions(assignment_id bigint, for_user bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.final_submissions(assignment_id bigint, for_user bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.grade_cells(course_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.grade_cells(course_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.grade_columns(course_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.grade_columns(course_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.group_add_member(assignment_id bigint, anchor_id bigint, member_id bigint, member_status app.member_status, OUT new_group_id bigint, OUT group_before jsonb) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.group_change(assignment_id bigint, action text, target_id bigint, group_id bigint, before jsonb) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.group_member_ids(assignment_id bigint, user_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.group_member_ids(assignment_id bigint, user_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.group_snapshot(group_id bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.hashid_decode(public_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.hashid_decode(public_key text) TO ok_api;

REVOKE ALL ON FUNCTION app.hashid_encode(id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.hashid_encode(id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.hashid_lottery_alphabets() FROM PUBLIC;
GRANT ALL ON FUNCTION app.hashid_lottery_alphabets() TO ok_api;

REVOKE ALL ON FUNCTION app.hashid_reorder(alphabet text, salt text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.hashid_reorder(alphabet text, salt text) TO ok_api;

REVOKE ALL ON FUNCTION app.human_interval(span interval) FROM PUBLIC;
GRANT ALL ON FUNCTION app.human_interval(span interval) TO ok_api;

REVOKE ALL ON FUNCTION app.late_by(submission_time timestamp with time zone, effective_due timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app.late_by(submission_time timestamp with time zone, effective_due timestamp with time zone) TO ok_api;

REVOKE ALL ON FUNCTION app.lock_assignment(assignment_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.lock_assignment(assignment_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.mint_token(user_id bigint, client_id text, scopes text[], access_ttl integer, refresh_ttl integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app.mint_token(user_id bigint, client_id text, scopes text[], access_ttl integer, refresh_ttl integer) TO ok_api;

GRANT SELECT ON TABLE auth.oauth_clients TO ok_admin;

REVOKE ALL ON FUNCTION app.oauth_client_check(client_id text, client_secret text) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.parse_course_time(value text, course_timezone text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.parse_course_time(value text, course_timezone text) TO ok_api;

REVOKE ALL ON FUNCTION app.pkce_challenge(code_verifier text) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.record_revision(backup_id bigint, final_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.record_revision(backup_id bigint, final_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.redirect_allowed(allowed_uris text[], redirect_uri text) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.require_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION app.require_admin() TO ok_api;

REVOKE ALL ON FUNCTION app.require_login() FROM PUBLIC;
GRANT ALL ON FUNCTION app.require_login() TO ok_api;

REVOKE ALL ON FUNCTION app.start_session(user_id bigint, expires_at timestamp with time zone, sudo_by bigint, parent_id bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.submission_time(created_at timestamp with time zone, custom_submission_time timestamp with time zone, extension_custom_time timestamp with time zone, extension_expires timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app.submission_time(created_at timestamp with time zone, custom_submission_time timestamp with time zone, extension_custom_time timestamp with time zone, extension_expires timestamp with time zone) TO ok_api;

REVOKE ALL ON FUNCTION app.tg__audit() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg__set_updated_at() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_assignments__check_name() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_audit_log__append_only() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_backups__immutable() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_backups__submitter_finals() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_email_outbox__notify() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.tg_scores__complete_tasks() FROM PUBLIC;

REVOKE ALL ON FUNCTION app.token_claims(user_id bigint, email text, is_admin boolean, scopes text[], jti uuid, expires_at timestamp with time zone) FROM PUBLIC;

REVOKE ALL ON FUNCTION app.unit_dates(assignment_id bigint, member_ids bigint[], OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT extension_expires timestamp with time zone, OUT extension_custom_time timestamp with time zone, OUT extension_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.unit_dates(assignment_id bigint, member_ids bigint[], OUT due_at timestamp with time zone, OUT lock_at timestamp with time zone, OUT extension_expires timestamp with time zone, OUT extension_custom_time timestamp with time zone, OUT extension_reason text) TO ok_api;

REVOKE ALL ON FUNCTION app.user_in_course(email text, course_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.user_in_course(email text, course_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_auth_error(required_scope text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_auth_error(required_scope text) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_backups_json(backup_ids bigint[], include_messages boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_backups_json(backup_ids bigint[], include_messages boolean) TO ok_api;

GRANT SELECT ON TABLE app.courses TO ok_analytics_owner;
GRANT SELECT ON TABLE app.courses TO ok_user;
GRANT SELECT ON TABLE app.courses TO ok_anon;
GRANT SELECT ON TABLE app.courses TO ok_admin;

GRANT INSERT(offering) ON TABLE app.courses TO ok_api;

GRANT INSERT(display_name),UPDATE(display_name) ON TABLE app.courses TO ok_api;

GRANT INSERT(institution) ON TABLE app.courses TO ok_api;

GRANT INSERT(timezone),UPDATE(timezone) ON TABLE app.courses TO ok_api;

GRANT UPDATE(active) ON TABLE app.courses TO ok_api;

GRANT UPDATE(export_token_hash) ON TABLE app.courses TO ok_api;

GRANT UPDATE(export_token_active) ON TABLE app.courses TO ok_api;

REVOKE ALL ON FUNCTION app.v3_course(course app.courses) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_course(course app.courses) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_course_access() FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_course_access() TO ok_api;

REVOKE ALL ON FUNCTION app.v3_header(name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_header(name text) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_page(OUT page_limit integer, OUT page_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_page(OUT page_limit integer, OUT page_offset integer) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_participations(user_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_participations(user_id bigint) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_reply(status integer, data jsonb, message text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_reply(status integer, data jsonb, message text) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_role_name(role text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_role_name(role text) TO ok_api;

REVOKE ALL ON FUNCTION app.v3_time(ts timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app.v3_time(ts timestamp with time zone) TO ok_api;

REVOKE ALL ON FUNCTION auth.actor() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.actor() TO ok_anon;
GRANT ALL ON FUNCTION auth.actor() TO ok_user;
GRANT ALL ON FUNCTION auth.actor() TO ok_worker;
GRANT ALL ON FUNCTION auth.actor() TO ok_auth;

REVOKE ALL ON FUNCTION auth.check_request() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.check_request() TO ok_anon;
GRANT ALL ON FUNCTION auth.check_request() TO ok_user;
GRANT ALL ON FUNCTION auth.check_request() TO ok_worker;
GRANT ALL ON FUNCTION auth.check_request() TO ok_auth;

REVOKE ALL ON FUNCTION auth.claims() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.claims() TO ok_anon;
GRANT ALL ON FUNCTION auth.claims() TO ok_user;
GRANT ALL ON FUNCTION auth.claims() TO ok_worker;
GRANT ALL ON FUNCTION auth.claims() TO ok_auth;
GRANT ALL ON FUNCTION auth.claims() TO ok_analytics_owner;

REVOKE ALL ON FUNCTION auth.course_ids(VARIADIC roles text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.course_ids(VARIADIC roles text[]) TO ok_anon;
GRANT ALL ON FUNCTION auth.course_ids(VARIADIC roles text[]) TO ok_user;
GRANT ALL ON FUNCTION auth.course_ids(VARIADIC roles text[]) TO ok_worker;
GRANT ALL ON FUNCTION auth.course_ids(VARIADIC roles text[]) TO ok_auth;

REVOKE ALL ON FUNCTION auth.group_mates() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.group_mates() TO ok_user;

REVOKE ALL ON FUNCTION auth.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.is_admin() TO ok_anon;
GRANT ALL ON FUNCTION auth.is_admin() TO ok_user;
GRANT ALL ON FUNCTION auth.is_admin() TO ok_worker;
GRANT ALL ON FUNCTION auth.is_admin() TO ok_auth;

REVOKE ALL ON FUNCTION auth.is_staff_of(course_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION auth.is_staff_of(course_id bigint) TO ok_anon;
GRANT ALL ON FUNCTION auth.is_staff_of(course_id bigint) TO ok_user;
GRANT ALL ON FUNCTION auth.is_staff_of(course_id bigint) TO ok_worker;
GRANT ALL ON FUNCTION auth.is_staff_of(course_id bigint) TO ok_auth;

REVOKE ALL ON FUNCTION auth.scope_allows_all() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.scope_allows_all() TO ok_anon;
GRANT ALL ON FUNCTION auth.scope_allows_all() TO ok_user;
GRANT ALL ON FUNCTION auth.scope_allows_all() TO ok_worker;
GRANT ALL ON FUNCTION auth.scope_allows_all() TO ok_auth;

REVOKE ALL ON FUNCTION auth.session_id() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.session_id() TO ok_user;

REVOKE ALL ON FUNCTION auth.signed_in_id() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.signed_in_id() TO ok_anon;
GRANT ALL ON FUNCTION auth.signed_in_id() TO ok_user;
GRANT ALL ON FUNCTION auth.signed_in_id() TO ok_worker;
GRANT ALL ON FUNCTION auth.signed_in_id() TO ok_auth;

REVOKE ALL ON FUNCTION auth.sudo_by() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.sudo_by() TO ok_anon;
GRANT ALL ON FUNCTION auth.sudo_by() TO ok_user;
GRANT ALL ON FUNCTION auth.sudo_by() TO ok_worker;
GRANT ALL ON FUNCTION auth.sudo_by() TO ok_auth;

REVOKE ALL ON FUNCTION auth.user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.user_id() TO ok_anon;
GRANT ALL ON FUNCTION auth.user_id() TO ok_user;
GRANT ALL ON FUNCTION auth.user_id() TO ok_worker;
GRANT ALL ON FUNCTION auth.user_id() TO ok_auth;

REVOKE ALL ON FUNCTION auth.visible_user_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.visible_user_ids() TO ok_user;

GRANT SELECT ON TABLE app.assignments TO ok_analytics_owner;
GRANT SELECT ON TABLE app.assignments TO ok_user;
GRANT SELECT ON TABLE app.assignments TO ok_anon;
GRANT SELECT ON TABLE app.assignments TO ok_admin;

GRANT INSERT(course_id) ON TABLE app.assignments TO ok_api;

GRANT INSERT(name) ON TABLE app.assignments TO ok_api;

GRANT INSERT(display_name),UPDATE(display_name) ON TABLE app.assignments TO ok_api;

GRANT INSERT(due_at),UPDATE(due_at) ON TABLE app.assignments TO ok_api;

GRANT INSERT(lock_at),UPDATE(lock_at) ON TABLE app.assignments TO ok_api;

GRANT INSERT(visible),UPDATE(visible) ON TABLE app.assignments TO ok_api;

GRANT INSERT(creator_id) ON TABLE app.assignments TO ok_api;

GRANT INSERT(url),UPDATE(url) ON TABLE app.assignments TO ok_api;

GRANT INSERT(max_group_size),UPDATE(max_group_size) ON TABLE app.assignments TO ok_api;

GRANT INSERT(revisions_allowed),UPDATE(revisions_allowed) ON TABLE app.assignments TO ok_api;

GRANT INSERT(uploads_enabled),UPDATE(uploads_enabled) ON TABLE app.assignments TO ok_api;

GRANT INSERT(upload_info),UPDATE(upload_info) ON TABLE app.assignments TO ok_api;

GRANT INSERT(autograder_key),UPDATE(autograder_key) ON TABLE app.assignments TO ok_api;

GRANT INSERT(continuous_autograding),UPDATE(continuous_autograding) ON TABLE app.assignments TO ok_api;

GRANT SELECT ON TABLE app.backups TO ok_analytics_owner;
GRANT SELECT ON TABLE app.backups TO ok_user;
GRANT SELECT ON TABLE app.backups TO ok_admin;

GRANT INSERT(assignment_id) ON TABLE app.backups TO ok_api;

GRANT INSERT(course_id) ON TABLE app.backups TO ok_api;

GRANT INSERT(submitter_id) ON TABLE app.backups TO ok_api;

GRANT INSERT(submit) ON TABLE app.backups TO ok_api;

GRANT UPDATE(custom_submission_time) ON TABLE app.backups TO ok_api;

GRANT INSERT(client_name) ON TABLE app.backups TO ok_api;

GRANT INSERT(client_version) ON TABLE app.backups TO ok_api;

GRANT SELECT ON TABLE analytics.assignment_activity_daily TO ok_analytics;

GRANT SELECT ON TABLE app.enrollments TO ok_analytics_owner;
GRANT SELECT ON TABLE app.enrollments TO ok_user;
GRANT SELECT ON TABLE app.enrollments TO ok_admin;

GRANT INSERT(user_id) ON TABLE app.enrollments TO ok_api;

GRANT INSERT(course_id) ON TABLE app.enrollments TO ok_api;

GRANT INSERT(role),UPDATE(role) ON TABLE app.enrollments TO ok_api;

GRANT INSERT(sid),UPDATE(sid) ON TABLE app.enrollments TO ok_api;

GRANT INSERT(section),UPDATE(section) ON TABLE app.enrollments TO ok_api;

GRANT SELECT ON TABLE app.extension_requests TO ok_analytics_owner;
GRANT SELECT ON TABLE app.extension_requests TO ok_user;
GRANT SELECT ON TABLE app.extension_requests TO ok_admin;

GRANT INSERT(assignment_id) ON TABLE app.extension_requests TO ok_api;

GRANT INSERT(course_id) ON TABLE app.extension_requests TO ok_api;

GRANT INSERT(user_id) ON TABLE app.extension_requests TO ok_api;

GRANT INSERT(reason) ON TABLE app.extension_requests TO ok_api;

GRANT UPDATE(status) ON TABLE app.extension_requests TO ok_api;

GRANT UPDATE(decided_by) ON TABLE app.extension_requests TO ok_api;

GRANT UPDATE(decided_at) ON TABLE app.extension_requests TO ok_api;

GRANT SELECT ON TABLE app.extensions TO ok_analytics_owner;
GRANT SELECT ON TABLE app.extensions TO ok_user;
GRANT SELECT ON TABLE app.extensions TO ok_admin;
GRANT DELETE ON TABLE app.extensions TO ok_api;

GRANT INSERT(assignment_id) ON TABLE app.extensions TO ok_api;

GRANT INSERT(course_id) ON TABLE app.extensions TO ok_api;

GRANT INSERT(user_id) ON TABLE app.extensions TO ok_api;

GRANT INSERT(staff_id),UPDATE(staff_id) ON TABLE app.extensions TO ok_api;

GRANT INSERT(reason),UPDATE(reason) ON TABLE app.extensions TO ok_api;

GRANT INSERT(expires_at),UPDATE(expires_at) ON TABLE app.extensions TO ok_api;

GRANT INSERT(custom_submission_time),UPDATE(custom_submission_time) ON TABLE app.extensions TO ok_api;

GRANT SELECT ON TABLE analytics.assignment_progress TO ok_analytics;

GRANT SELECT ON TABLE app.scores TO ok_analytics_owner;
GRANT SELECT ON TABLE app.scores TO ok_user;
GRANT SELECT ON TABLE app.scores TO ok_admin;

GRANT INSERT(backup_id) ON TABLE app.scores TO ok_api;

GRANT INSERT(assignment_id) ON TABLE app.scores TO ok_api;

GRANT INSERT(course_id) ON TABLE app.scores TO ok_api;

GRANT INSERT(user_id) ON TABLE app.scores TO ok_api;

GRANT INSERT(grader_id) ON TABLE app.scores TO ok_api;

GRANT INSERT(kind) ON TABLE app.scores TO ok_api;

GRANT INSERT(value) ON TABLE app.scores TO ok_api;

GRANT INSERT(message) ON TABLE app.scores TO ok_api;

GRANT UPDATE(archived) ON TABLE app.scores TO ok_api;

GRANT SELECT ON TABLE analytics.score_distribution TO ok_analytics;

GRANT SELECT ON TABLE analytics.student_scores TO ok_analytics;

GRANT SELECT ON TABLE analytics.submissions_before_deadline TO ok_analytics;

GRANT SELECT ON TABLE api.assignments TO ok_anon;
GRANT SELECT ON TABLE api.assignments TO ok_user;

GRANT SELECT ON TABLE app.users TO ok_user;
GRANT SELECT ON TABLE app.users TO ok_admin;

GRANT INSERT(email) ON TABLE app.users TO ok_api;

GRANT INSERT(name) ON TABLE app.users TO ok_api;

GRANT INSERT(is_admin) ON TABLE app.users TO ok_api;

GRANT SELECT ON TABLE api.extension_requests TO ok_user;

GRANT SELECT ON TABLE app.grading_tasks TO ok_user;
GRANT SELECT ON TABLE app.grading_tasks TO ok_admin;

GRANT INSERT(assignment_id) ON TABLE app.grading_tasks TO ok_api;

GRANT INSERT(course_id) ON TABLE app.grading_tasks TO ok_api;

GRANT INSERT(backup_id) ON TABLE app.grading_tasks TO ok_api;

GRANT INSERT(grader_id) ON TABLE app.grading_tasks TO ok_api;

GRANT INSERT(kind) ON TABLE app.grading_tasks TO ok_api;

GRANT SELECT ON TABLE api.grading_progress TO ok_user;

GRANT SELECT ON TABLE api.my_enrollments TO ok_user;

GRANT SELECT(id) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(user_id) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(sudo_by) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(user_agent) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(created_at) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(last_seen_at) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(expires_at) ON TABLE auth.sessions TO ok_user;

GRANT SELECT(revoked_at) ON TABLE auth.sessions TO ok_user;
GRANT UPDATE(revoked_at) ON TABLE auth.sessions TO ok_api;

GRANT SELECT ON TABLE api.my_sessions TO ok_user;

GRANT SELECT ON TABLE api.my_teaching TO ok_user;

GRANT SELECT ON TABLE auth.oauth_tokens TO ok_admin;
GRANT SELECT ON TABLE auth.oauth_tokens TO ok_user;

GRANT UPDATE(revoked_at) ON TABLE auth.oauth_tokens TO ok_api;

GRANT SELECT ON TABLE api.my_tokens TO ok_user;

GRANT SELECT ON TABLE app.audit_log TO ok_user;
GRANT SELECT ON TABLE app.audit_log TO ok_admin;

GRANT SELECT ON TABLE app.client_versions TO ok_user;
GRANT SELECT ON TABLE app.client_versions TO ok_anon;
GRANT SELECT ON TABLE app.client_versions TO ok_admin;

GRANT INSERT(name) ON TABLE app.client_versions TO ok_api;

GRANT INSERT(current_version),UPDATE(current_version) ON TABLE app.client_versions TO ok_api;

GRANT INSERT(download_link),UPDATE(download_link) ON TABLE app.client_versions TO ok_api;

GRANT UPDATE(updated_at) ON TABLE app.client_versions TO ok_api;

GRANT SELECT ON TABLE app.comments TO ok_user;
GRANT SELECT ON TABLE app.comments TO ok_admin;

GRANT INSERT(backup_id) ON TABLE app.comments TO ok_api;

GRANT INSERT(course_id) ON TABLE app.comments TO ok_api;

GRANT INSERT(author_id) ON TABLE app.comments TO ok_api;

GRANT INSERT(filename) ON TABLE app.comments TO ok_api;

GRANT INSERT(line) ON TABLE app.comments TO ok_api;

GRANT INSERT(message) ON TABLE app.comments TO ok_api;

GRANT SELECT ON TABLE app.group_members TO ok_analytics_owner;
GRANT SELECT ON TABLE app.group_members TO ok_user;
GRANT SELECT ON TABLE app.group_members TO ok_admin;

GRANT SELECT ON TABLE app.email_outbox TO ok_user;
GRANT SELECT ON TABLE app.email_outbox TO ok_admin;
GRANT SELECT ON TABLE app.email_outbox TO ok_worker;

GRANT UPDATE(status) ON TABLE app.email_outbox TO ok_worker;

GRANT UPDATE(attempts) ON TABLE app.email_outbox TO ok_worker;

GRANT UPDATE(last_error) ON TABLE app.email_outbox TO ok_worker;

GRANT UPDATE(claimed_at) ON TABLE app.email_outbox TO ok_worker;

GRANT UPDATE(sent_at) ON TABLE app.email_outbox TO ok_worker;

GRANT SELECT ON TABLE app.group_actions TO ok_user;
GRANT SELECT ON TABLE app.group_actions TO ok_admin;

GRANT SELECT ON TABLE app.groups TO ok_analytics_owner;
GRANT SELECT ON TABLE app.groups TO ok_user;
GRANT SELECT ON TABLE app.groups TO ok_admin;

GRANT SELECT ON TABLE app.jobs TO ok_user;
GRANT SELECT ON TABLE app.jobs TO ok_admin;
GRANT SELECT ON TABLE app.jobs TO ok_worker;

GRANT SELECT ON TABLE app.messages TO ok_user;
GRANT SELECT ON TABLE app.messages TO ok_admin;

GRANT INSERT(backup_id) ON TABLE app.messages TO ok_api;

GRANT INSERT(kind) ON TABLE app.messages TO ok_api;

GRANT INSERT(contents) ON TABLE app.messages TO ok_api;

GRANT SELECT ON TABLE auth.oauth_grants TO ok_admin;
GRANT SELECT ON TABLE auth.oauth_grants TO ok_user;

GRANT SELECT ON TABLE auth.settings TO ok_analytics_owner;

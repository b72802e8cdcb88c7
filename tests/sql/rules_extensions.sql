-- Extensions as an overlay: granted by staff to a student, covering the student's group;
-- effective dates from api.deadlines; submissions inside accepted after the lock; backups never
-- rewritten; staff overrides of submission times kept; requests granted or denied.
begin;
select plan(20);
select tests.fixture();
update app.assignments set due_at = now() - interval '2 days', lock_at = now() - interval '1 day'
where name = 'cal/cs61a/fa26/hw01';
insert into app.groups (assignment_id, course_id) select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 's2@a.edu');

-- Requests.
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.request_extension('cal/cs61a/fa26/hw01', '  ') $$, 'PT422', null, 'a request needs a reason');
select lives_ok($$ select api.request_extension('cal/cs61a/fa26/hw01', 'I was ill') $$, 'a student asks for more time');
select throws_ok($$ select api.request_extension('cal/cs61a/fa26/hw01', 'again') $$, 'PT409', null, 'one pending request');
select tests.act_as('s2@a.edu');
select is((select count(*)::int from app.extension_requests), 0, 'students see only their own requests');
select tests.act_as('reader@a.edu');
select is((select count(*)::int from app.extension_requests where status = 'pending'), 1, 'staff see requests');
select throws_ok($$ select api.grant_extension('cal/cs61a/fa26/hw01', 's1@a.edu', '2099-01-01') $$, 'PT403', null,
  'readers cannot grant extensions');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.grant_extension('cal/cs61a/fa26/hw01', 's1@a.edu', '2099-01-01') $$, 'PT403', null,
  'students cannot grant themselves extensions');

-- A submission after the lock is refused without an extension, kept as a backup.
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"file_contents": {}}', true)) ->> 'code', '403',
  'after the lock a submit is refused');

select tests.act_as('ta@a.edu');
select throws_ok($$ select api.grant_extension('cal/cs61a/fa26/hw01', 's1@a.edu', '2000-01-01') $$, 'PT422', null,
  'an extension must end after the due date');
select lives_ok($$ select api.grant_extension('cal/cs61a/fa26/hw01', 's1@a.edu', (now() + interval '2 days')::text,
  null, 'Medical') $$, 'a TA grants an extension');
select is((select status::text from app.extension_requests), 'granted', 'the pending request is marked granted');
select ok((select extended_until is not null and lock_at > now() from api.deadlines('cal/cs61a/fa26/hw01') where email = 's2@a.edu'),
  'the extension covers the student''s group-mate too');
select is((select count(*)::int from api.deadlines('cal/cs61a/fa26/hw01') where email = 'lab@a.edu'), 0,
  'deadlines list the people of the final submissions: a lab assistant with no backup or group has none');

-- Inside the extension: accepted after the lock, on time; nothing rewritten.
reset role;
select set_config('t.backups_before', (select string_agg(id || ':' || coalesce(custom_submission_time::text, '-'), ',' order by id)
  from app.backups), true);
select tests.act_as('s2@a.edu');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"file_contents": {}}', true)) ->> 'code', '200',
  'a group-mate submits after the lock inside the extension');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where 's2@a.edu' = any(members)),
  'latest submission, on time', 'and it counts as on time');
reset role;
select is((select string_agg(id || ':' || coalesce(custom_submission_time::text, '-'), ',' order by id)
  from app.backups where id <= (select max(id) from app.backups) - 1 and id not in
  (select id from app.backups order by id desc limit 2)),
  (select string_agg(x, ',') from unnest(string_to_array(current_setting('t.backups_before'), ',')) as x
   where split_part(x, ':', 1)::bigint not in (select id from app.backups order by id desc limit 2)),
  'granting rewrote no backup');

-- A staff override of one backup's time survives revoking the extension.
select tests.act_as('reader@a.edu');
select lives_ok(format('select api.set_submission_time(%L, %L)',
  (select tests.hashid(max(id)) from app.backups), '2026-01-01 12:00'), 'staff override one backup''s time');
select tests.act_as('ta@a.edu');
select lives_ok($$ select api.revoke_extension('cal/cs61a/fa26/hw01', 's1@a.edu') $$, 'the extension is revoked');
reset role;
select isnt((select custom_submission_time from app.backups where id = (select max(id) from app.backups)), null,
  'the override is still there');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.deny_extension_request('cal/cs61a/fa26/hw01', 's1@a.edu') $$, 'PT404', null,
  'there is no pending request left to deny');

select * from finish();
rollback;

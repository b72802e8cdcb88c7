-- The admin pages' functions (issue #10, point 10): every course, user search and
-- correction, OAuth clients (register, rotate the secret, turn off), client versions; each
-- refused to everyone but a site admin, and an admin cannot un-admin themselves.
begin;
select plan(21);
select tests.fixture();
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.admin_courses_page() $$, 'PT403', null, 'an instructor is not a site admin');
select throws_ok($$ select api.admin_update_user('s1@a.edu', is_admin => true) $$, 'PT403', null, 'and cannot make admins');
select throws_ok($$ select api.admin_save_client('evil', 'Evil', register => true) $$, 'PT403', null, 'nor register clients');
select tests.act_as('admin@x.edu');
select is((select jsonb_agg(c ->> 'offering' order by c ->> 'offering') from jsonb_array_elements(api.admin_courses_page()) as c),
  '["cal/cs61a/fa26", "cal/cs61b/fa26"]'::jsonb, 'the admin sees every course');
select is((select (c ->> 'students')::integer from jsonb_array_elements(api.admin_courses_page()) as c
  where c ->> 'offering' = 'cal/cs61a/fa26'), 2, 'with its counts');
select is(api.admin_users_page('S1@') -> 'matches', '2'::jsonb, 'users are found by email, case-insensitively');
select is(api.admin_users_page('%') -> 'matches', '0'::jsonb, 'a typed % is a literal character');
select is(api.admin_users_page('s1@a') -> 'users' -> 0 -> 'courses', '[{"offering": "cal/cs61a/fa26", "role": "student"}]'::jsonb,
  'each with their courses');
select throws_ok($$ select api.admin_update_user('s1@a.edu', new_email => 'S2@a.edu') $$, 'PT409',
  'S2@a.edu is already the address of another user', 'an address taken by someone else is refused');
select is(api.admin_update_user('s1@a.edu', new_email => 'sam@a.edu', is_admin => true),
  '{"email": "sam@a.edu", "name": "Sam", "is_admin": true}'::jsonb, 'an email is corrected; a user made admin');
select throws_ok($$ select api.admin_update_user('admin@x.edu', is_admin => false) $$, 'PT403',
  'You cannot remove your own admin rights: ask another admin', 'an admin cannot un-admin themselves');
select is(length(api.admin_save_client('grader', 'Autograder', array['https://ag.example.edu/cb'], register => true) ->> 'secret'), 48,
  'a new confidential client gets a secret, once');
select throws_ok($$ select api.admin_save_client('grader', 'Other', register => true) $$, 'PT409',
  'A client grader is already registered: change it in its row, or choose another id',
  'registering a taken id does not overwrite that client');
select throws_ok($$ select api.admin_save_client('nosuch', active => false) $$, 'PT404', 'No client nosuch',
  'changing an unknown client does not create one');
select throws_ok($$ select api.admin_save_client('grader2', 'x', array['javascript:alert(1)'], register => true) $$, 'PT422', null,
  'a redirect URI must be an http(s) address');
select set_config('tests.secret', api.admin_save_client('grader', rotate_secret => true) ->> 'secret', true);
select tests.act_as_owner();
select is((app.oauth_client_check('grader', current_setting('tests.secret'))).client_id, 'grader', 'the rotated secret works');
select tests.act_as('admin@x.edu');
select api.admin_save_client('grader', active => false);
select tests.act_as_owner();
select is((app.oauth_client_check('grader', current_setting('tests.secret'))).client_id, null, 'a client turned off logs nobody in');
select tests.act_as('admin@x.edu');
select is((select c -> 'grants' from jsonb_array_elements(api.admin_clients_page()) as c where c ->> 'client_id' = 'grader'),
  '[]'::jsonb, 'the clients page lists each client''s grants');

-- Background work: the schedule and every course's jobs, for admins only.
select tests.act_as('ta@a.edu');
select api.start_test_job('cal/cs61a/fa26', 1);
select throws_ok($$ select api.admin_jobs_page() $$, 'PT403', null, 'a TA does not see the site''s background work');
select tests.act_as('admin@x.edu');
select is((select jsonb_agg(t ->> 'name') from jsonb_array_elements(api.admin_jobs_page() -> 'schedule') as t),
  '["analytics_refresh", "autograder_supervise", "deadline_reminders", "extension_digest", "prune"]'::jsonb,
  'an admin sees the schedule');
select is((select jsonb_agg(j ->> 'offering') from jsonb_array_elements(api.admin_jobs_page() -> 'jobs') as j),
  '["cal/cs61a/fa26"]'::jsonb, 'and every course''s jobs');
select * from finish();
rollback;

-- What a student's assignment page knows so that it offers only the controls that can
-- succeed (issue #10, point 7): the invitation to them (who invited them into which group),
-- the invitations out from their group, whether the group is full; their extension requests
-- with the staff's answer; and staff granting several requests at once, all or nothing.
begin;
select plan(18);
select tests.fixture();
select tests.act_as('ta@a.edu');
select api.update_assignment('cal/cs61a/fa26/hw01', max_group_size => 2);

-- Invitations: the inviter sees whom they invited; the invitee sees who invited them.
select tests.act_as('s1@a.edu');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state',
  '{"status": null, "invitation": null, "pending": [], "size": 1, "full": false}'::jsonb, 'alone: no group, room to invite');
select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state' -> 'pending',
  '[{"email": "s2@a.edu", "invited_by": "s1@a.edu"}]'::jsonb, 'the inviter sees the invitation out');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state' -> 'full', 'true'::jsonb,
  'and that the group is full, invitations included');
select tests.act_as('s2@a.edu');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state' -> 'invitation',
  '{"from": "s1@a.edu", "members": ["s1@a.edu"]}'::jsonb, 'the invitee sees who invited them, into which group');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state' ->> 'status', 'pending', 'as pending');
select api.group_respond('cal/cs61a/fa26/hw01', true);
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group_state' -> 'invitation', 'null'::jsonb,
  'after accepting, no invitation is left');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'group', '["s1@a.edu", "s2@a.edu"]'::jsonb, 'and the group is two');
-- a classmate's page says nothing of it
select tests.act_as('s1@b.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's1@a.edu') $$, null, null,
  'a stranger cannot invite into the course');

-- Extension requests: one pending at a time, with the staff's answer.
select tests.act_as('s1@a.edu');
select api.request_extension('cal/cs61a/fa26/hw01', 'Ill');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'has_pending_request', 'true'::jsonb, 'a request is pending');
select throws_ok($$ select api.request_extension('cal/cs61a/fa26/hw01', 'Again') $$, 'PT409',
  'You already have a pending request for this assignment', 'a second pending request is refused');
select tests.act_as('ta@a.edu');
select api.deny_extension_request('cal/cs61a/fa26/hw01', 's1@a.edu', reply => ' Come to office hours ');
select tests.act_as('s1@a.edu');
select is((select jsonb_build_array(r ->> 'status', r ->> 'reply') from jsonb_array_elements(
  api.assignment_page('cal/cs61a/fa26/hw01') -> 'extension_requests') as r),
  '["denied", "Come to office hours"]'::jsonb, 'the student sees the denial with the reason');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'has_pending_request', 'false'::jsonb, 'and may ask again');
select api.request_extension('cal/cs61a/fa26/hw01', 'Still ill');
select tests.act_as('s1@b.edu');
select api.request_extension('cal/cs61b/fa26/hw01', 'Trip');
select tests.act_as('s2@a.edu');
select api.request_extension('cal/cs61a/fa26/hw01', 'Also ill');

-- Staff grant several at once; a request decided meanwhile refuses the batch.
select tests.act_as_owner();
select set_config('tests.requests', (select jsonb_agg(id)::text from app.extension_requests where status = 'pending'), true);
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.grant_extension_requests('cal/cs61a/fa26',
  array(select jsonb_array_elements_text(current_setting('tests.requests')::jsonb)::bigint),
  to_char(now() + interval '5 days', 'YYYY-MM-DD"T"HH24:MI')) $$, 'PT409', null,
  'a ticked request of another course is not granted: nothing is');
select is((select count(*) from app.extensions), 0::bigint, 'nothing was granted');
select tests.act_as('reader@a.edu');
select throws_ok($$ select api.grant_extension_requests('cal/cs61a/fa26',
  array(select jsonb_array_elements_text(current_setting('tests.requests')::jsonb)::bigint),
  '2030-01-01T00:00') $$, 'PT403', 'Only TAs and instructors can grant extensions', 'a reader is refused');
select tests.act_as('ta@a.edu');
select is(api.grant_extension_requests('cal/cs61a/fa26',
  array(select r.id from app.extension_requests r where r.status = 'pending' and r.course_id =
        (select id from app.courses where offering = 'cal/cs61a/fa26')),
  to_char(now() + interval '5 days', 'YYYY-MM-DD"T"HH24:MI'), 'Get well') ->> 'granted', '2',
  'the course''s pending requests are granted at once');
select tests.act_as('s1@a.edu');
select is((select jsonb_build_array(r ->> 'status', r ->> 'reply', r ->> 'extended_until' is not null)
  from jsonb_array_elements(api.assignment_page('cal/cs61a/fa26/hw01') -> 'extension_requests') as r
  where r ->> 'status' <> 'denied'), '["granted", "Get well", true]'::jsonb, 'the student sees the grant, its date and the reply');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.grant_extension_requests('cal/cs61a/fa26', array[1::bigint], '2030-01-01T00:00') $$,
  'PT403', null, 'a student is refused');

select * from finish();
rollback;

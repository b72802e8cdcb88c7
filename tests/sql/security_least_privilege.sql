-- Least privilege, as an allowlist: what each database role may execute and write. A grant
-- that this list does not name fails the test (add it here, deliberately, with the code that
-- needs it). Request roles execute api functions and the auth claim readers that policies
-- evaluate as the caller; only ok_api and the owners execute app helpers; nobody but ok_api
-- (and the worker, for the outbox) writes a table, and every write grant names its columns.
-- Then the attacks the allowlist stops, performed.
begin;
select plan(21);
select tests.fixture();
-- The fixture's backups were made an hour ago, not in this transaction.
set local session_replication_role = replica;
update app.backups set created_at = created_at - interval '1 hour';
set local session_replication_role = origin;

create temporary table expected_execute (role_name text, function_name text) on commit drop;
insert into expected_execute values
    ('ok_anon', 'api.v3_assignment_get'),
    ('ok_anon', 'api.v3_assignment_post'),
    ('ok_anon', 'api.v3_backup_get'),
    ('ok_anon', 'api.v3_backups_post'),
    ('ok_anon', 'api.v3_comments_get'),
    ('ok_anon', 'api.v3_comments_post'),
    ('ok_anon', 'api.v3_course_assignments_get'),
    ('ok_anon', 'api.v3_course_enrollment_get'),
    ('ok_anon', 'api.v3_course_grades_get'),
    ('ok_anon', 'api.v3_course_roster_get'),
    ('ok_anon', 'api.v3_enrollment_get'),
    ('ok_anon', 'api.v3_export_get'),
    ('ok_anon', 'api.v3_group_get'),
    ('ok_anon', 'api.v3_info'),
    ('ok_anon', 'api.v3_revision_post'),
    ('ok_anon', 'api.v3_score_post'),
    ('ok_anon', 'api.v3_submissions_get'),
    ('ok_anon', 'api.v3_user_get'),
    ('ok_anon', 'api.v3_version_get'),
    ('ok_anon', 'api.v3_version_post'),
    ('ok_anon', 'auth.actor'),
    ('ok_anon', 'auth.check_request'),
    ('ok_anon', 'auth.claims'),
    ('ok_anon', 'auth.course_ids'),
    ('ok_anon', 'auth.staff_course_ids'),
    ('ok_anon', 'auth.staff_roles'),
    ('ok_anon', 'auth.is_admin'),
    ('ok_anon', 'auth.signed_in_id'),
    ('ok_anon', 'auth.user_id'),
    ('ok_user', 'api.assign_grading'),
    ('ok_user', 'api.assignment_page'),
    ('ok_user', 'api.assignment_scores'),
    ('ok_user', 'api.backup_page'),
    ('ok_user', 'api.create_assignment'),
    ('ok_user', 'api.deadlines'),
    ('ok_user', 'api.deny_extension_request'),
    ('ok_user', 'api.enroll'),
    ('ok_user', 'api.final_submissions'),
    ('ok_user', 'api.flag_backup'),
    ('ok_user', 'api.gradebook'),
    ('ok_user', 'api.scores_page'),
    ('ok_user', 'api.scores_csv'),
    ('ok_user', 'api.comment_bank'),
    ('ok_user', 'api.course_page'),
    ('ok_user', 'api.add_comment'),
    ('ok_user', 'api.delete_comment'),
    ('ok_user', 'api.edit_comment'),
    ('ok_user', 'api.grade'),
    ('ok_user', 'api.grades_csv'),
    ('ok_admin', 'api.grades_csv'),
    ('ok_user', 'api.my_navigation'),
    ('ok_admin', 'api.my_navigation'),
    ('ok_user', 'api.upload_for_student'),
    ('ok_admin', 'api.upload_for_student'),
    ('ok_user', 'api.request_regrade'),
    ('ok_admin', 'api.request_regrade'),
    ('ok_user', 'api.resolve_regrade'),
    ('ok_admin', 'api.resolve_regrade'),
    ('ok_user', 'api.rubric_page'),
    ('ok_admin', 'api.rubric_page'),
    ('ok_user', 'api.save_rubric'),
    ('ok_admin', 'api.save_rubric'),
    ('ok_user', 'api.add_rubric_item'),
    ('ok_admin', 'api.add_rubric_item'),
    ('ok_user', 'api.edit_rubric_item'),
    ('ok_admin', 'api.edit_rubric_item'),
    ('ok_user', 'api.delete_rubric_item'),
    ('ok_admin', 'api.delete_rubric_item'),
    ('ok_user', 'api.grade_by_rubric'),
    ('ok_admin', 'api.grade_by_rubric'),
    ('ok_user', 'api.grading_queue'),
    ('ok_user', 'api.grading_view'),
    ('ok_user', 'api.reassign_task'),
    ('ok_user', 'api.grant_extension'),
    ('ok_user', 'api.group_invite'),
    ('ok_user', 'api.group_remove'),
    ('ok_user', 'api.group_respond'),
    ('ok_user', 'api.group_staff_add'),
    ('ok_user', 'api.my_scores'),
    ('ok_user', 'api.next_grading_task'),
    ('ok_user', 'api.oauth_authorize'),
    ('ok_user', 'api.oauth_client_info'),
    ('ok_user', 'api.request_extension'),
    ('ok_user', 'api.revoke_extension'),
    ('ok_user', 'api.revoke_my_token'),
    ('ok_user', 'api.rotate_export_token'),
    ('ok_user', 'api.set_submission_time'),
    ('ok_user', 'api.unflag'),
    ('ok_user', 'api.unqueued_submissions'),
    ('ok_user', 'api.update_course'),
    ('ok_user', 'api.v3_assignment_get'),
    ('ok_user', 'api.v3_assignment_post'),
    ('ok_user', 'api.v3_backup_get'),
    ('ok_user', 'api.v3_backups_post'),
    ('ok_user', 'api.v3_comments_get'),
    ('ok_user', 'api.v3_comments_post'),
    ('ok_user', 'api.v3_course_assignments_get'),
    ('ok_user', 'api.v3_course_enrollment_get'),
    ('ok_user', 'api.v3_course_grades_get'),
    ('ok_user', 'api.v3_course_roster_get'),
    ('ok_user', 'api.v3_enrollment_get'),
    ('ok_user', 'api.v3_export_get'),
    ('ok_user', 'api.v3_group_get'),
    ('ok_user', 'api.v3_info'),
    ('ok_user', 'api.v3_revision_post'),
    ('ok_user', 'api.v3_score_post'),
    ('ok_user', 'api.v3_submissions_get'),
    ('ok_user', 'api.v3_user_get'),
    ('ok_user', 'api.v3_version_get'),
    ('ok_user', 'api.v3_version_post'),
    ('ok_user', 'auth.actor'),
    ('ok_user', 'auth.check_request'),
    ('ok_user', 'auth.claims'),
    ('ok_user', 'auth.course_ids'),
    ('ok_user', 'auth.staff_course_ids'),
    ('ok_user', 'auth.staff_roles'),
    ('ok_user', 'auth.is_admin'),
    ('ok_user', 'auth.signed_in_id'),
    ('ok_user', 'auth.user_id'),
    ('ok_user', 'auth.group_mates'),
    ('ok_user', 'auth.visible_user_ids'),
    ('ok_admin', 'api.assign_grading'),
    ('ok_admin', 'api.assignment_page'),
    ('ok_admin', 'api.assignment_scores'),
    ('ok_admin', 'api.backup_page'),
    ('ok_admin', 'api.create_assignment'),
    ('ok_admin', 'api.deadlines'),
    ('ok_admin', 'api.deny_extension_request'),
    ('ok_admin', 'api.enroll'),
    ('ok_admin', 'api.final_submissions'),
    ('ok_admin', 'api.flag_backup'),
    ('ok_admin', 'api.gradebook'),
    ('ok_admin', 'api.scores_page'),
    ('ok_admin', 'api.scores_csv'),
    ('ok_admin', 'api.comment_bank'),
    ('ok_admin', 'api.course_page'),
    ('ok_admin', 'api.add_comment'),
    ('ok_admin', 'api.delete_comment'),
    ('ok_admin', 'api.edit_comment'),
    ('ok_admin', 'api.grade'),
    ('ok_admin', 'api.grading_queue'),
    ('ok_admin', 'api.grading_view'),
    ('ok_admin', 'api.reassign_task'),
    ('ok_admin', 'api.grant_extension'),
    ('ok_admin', 'api.group_invite'),
    ('ok_admin', 'api.group_remove'),
    ('ok_admin', 'api.group_respond'),
    ('ok_admin', 'api.group_staff_add'),
    ('ok_admin', 'api.my_scores'),
    ('ok_admin', 'api.next_grading_task'),
    ('ok_admin', 'api.oauth_authorize'),
    ('ok_admin', 'api.oauth_client_info'),
    ('ok_admin', 'api.request_extension'),
    ('ok_admin', 'api.revoke_extension'),
    ('ok_admin', 'api.revoke_my_token'),
    ('ok_admin', 'api.rotate_export_token'),
    ('ok_admin', 'api.set_submission_time'),
    ('ok_admin', 'api.unflag'),
    ('ok_admin', 'api.unqueued_submissions'),
    ('ok_admin', 'api.update_course'),
    ('ok_admin', 'api.v3_assignment_get'),
    ('ok_admin', 'api.v3_assignment_post'),
    ('ok_admin', 'api.v3_backup_get'),
    ('ok_admin', 'api.v3_backups_post'),
    ('ok_admin', 'api.v3_comments_get'),
    ('ok_admin', 'api.v3_comments_post'),
    ('ok_admin', 'api.v3_course_assignments_get'),
    ('ok_admin', 'api.v3_course_enrollment_get'),
    ('ok_admin', 'api.v3_course_grades_get'),
    ('ok_admin', 'api.v3_course_roster_get'),
    ('ok_admin', 'api.v3_enrollment_get'),
    ('ok_admin', 'api.v3_export_get'),
    ('ok_admin', 'api.v3_group_get'),
    ('ok_admin', 'api.v3_info'),
    ('ok_admin', 'api.v3_revision_post'),
    ('ok_admin', 'api.v3_score_post'),
    ('ok_admin', 'api.v3_submissions_get'),
    ('ok_admin', 'api.v3_user_get'),
    ('ok_admin', 'api.v3_version_get'),
    ('ok_admin', 'api.v3_version_post'),
    ('ok_admin', 'api.create_course'),
    ('ok_admin', 'api.create_user'),
    ('ok_admin', 'api.issue_token'),
    ('ok_admin', 'api.set_client_version'),
    ('ok_admin', 'api.sudo'),
    ('ok_admin', 'auth.actor'),
    ('ok_admin', 'auth.check_request'),
    ('ok_admin', 'auth.claims'),
    ('ok_admin', 'auth.course_ids'),
    ('ok_admin', 'auth.staff_course_ids'),
    ('ok_admin', 'auth.staff_roles'),
    ('ok_admin', 'auth.is_admin'),
    ('ok_admin', 'auth.signed_in_id'),
    ('ok_admin', 'auth.user_id'),
    ('ok_admin', 'auth.group_mates'),
    ('ok_admin', 'auth.visible_user_ids'),
    ('ok_auth', 'api.login'),
    ('ok_auth', 'api.oauth_client_info'),
    ('ok_auth', 'api.oauth_exchange_code'),
    ('ok_auth', 'api.oauth_refresh'),
    ('ok_auth', 'api.oauth_revoke'),
    ('ok_auth', 'auth.actor'),
    ('ok_auth', 'auth.check_request'),
    ('ok_auth', 'auth.claims'),
    ('ok_auth', 'auth.course_ids'),
    ('ok_auth', 'auth.staff_course_ids'),
    ('ok_auth', 'auth.staff_roles'),
    ('ok_auth', 'auth.is_admin'),
    ('ok_auth', 'auth.signed_in_id'),
    ('ok_auth', 'auth.user_id'),
    ('ok_worker', 'api.outbox_claim'),
    ('ok_worker', 'api.highlight_backlog'),
    ('ok_worker', 'api.store_highlights'),
    ('ok_worker', 'api.outbox_finish'),
    ('ok_worker', 'auth.actor'),
    ('ok_worker', 'auth.check_request'),
    ('ok_worker', 'auth.claims'),
    ('ok_worker', 'auth.course_ids'),
    ('ok_worker', 'auth.staff_course_ids'),
    ('ok_worker', 'auth.staff_roles'),
    ('ok_worker', 'auth.is_admin'),
    ('ok_worker', 'auth.signed_in_id'),
    ('ok_worker', 'auth.user_id'),
    ('ok_analytics', 'analytics.student_key'),
    ('ok_anon', 'auth.sudo_by'),
    ('ok_user', 'auth.sudo_by'),
    ('ok_admin', 'auth.sudo_by'),
    ('ok_worker', 'auth.sudo_by'),
    ('ok_auth', 'auth.sudo_by'),
    ('ok_user', 'auth.session_id'),
    ('ok_user', 'api.logout'),
    ('ok_user', 'api.revoke_my_session'),
    ('ok_user', 'api.sign_out_everywhere'),
    ('ok_user', 'api.stop_sudo'),
    ('ok_user', 'api.oauth_code_pending'),
    ('ok_user', 'api.publish_scores'),
    ('ok_admin', 'api.publish_scores'),
    ('ok_user', 'api.devices_page'),
    ('ok_admin', 'api.devices_page'),
    ('ok_user', 'api.staff_course_page'),
    ('ok_admin', 'api.staff_course_page'),
    ('ok_user', 'api.staff_assignment_page'),
    ('ok_admin', 'api.staff_assignment_page'),
    ('ok_admin', 'api.sudo_preview'),
    ('ok_anon', 'auth.scope_allows_all'),
    ('ok_user', 'auth.scope_allows_all'),
    ('ok_admin', 'auth.scope_allows_all'),
    ('ok_auth', 'auth.scope_allows_all'),
    ('ok_worker', 'auth.scope_allows_all'),
    ('ok_anon', 'auth.is_staff_of'),
    ('ok_user', 'auth.is_staff_of'),
    ('ok_admin', 'auth.is_staff_of'),
    ('ok_auth', 'auth.is_staff_of'),
    ('ok_worker', 'auth.is_staff_of'),
    ('ok_admin', 'api.oauth_code_pending'),
    ('ok_admin', 'auth.session_id'),
    ('ok_admin', 'api.logout'),
    ('ok_admin', 'api.revoke_my_session'),
    ('ok_admin', 'api.sign_out_everywhere'),
    ('ok_admin', 'api.stop_sudo');
create temporary table expected_writes (role_name text, table_name text, column_name text, privilege text)
on commit drop;
insert into expected_writes values
    ('ok_api', 'app.assignments', 'autograder_key', 'INSERT'),
    ('ok_api', 'app.assignments', 'continuous_autograding', 'INSERT'),
    ('ok_api', 'app.assignments', 'course_id', 'INSERT'),
    ('ok_api', 'app.assignments', 'creator_id', 'INSERT'),
    ('ok_api', 'app.assignments', 'display_name', 'INSERT'),
    ('ok_api', 'app.assignments', 'due_at', 'INSERT'),
    ('ok_api', 'app.assignments', 'lock_at', 'INSERT'),
    ('ok_api', 'app.assignments', 'max_group_size', 'INSERT'),
    ('ok_api', 'app.assignments', 'name', 'INSERT'),
    ('ok_api', 'app.assignments', 'revisions_allowed', 'INSERT'),
    ('ok_api', 'app.assignments', 'upload_info', 'INSERT'),
    ('ok_api', 'app.assignments', 'uploads_enabled', 'INSERT'),
    ('ok_api', 'app.assignments', 'url', 'INSERT'),
    ('ok_api', 'app.assignments', 'visible', 'INSERT'),
    ('ok_api', 'app.assignments', 'autograder_key', 'UPDATE'),
    ('ok_api', 'app.assignments', 'continuous_autograding', 'UPDATE'),
    ('ok_api', 'app.assignments', 'display_name', 'UPDATE'),
    ('ok_api', 'app.assignments', 'due_at', 'UPDATE'),
    ('ok_api', 'app.assignments', 'lock_at', 'UPDATE'),
    ('ok_api', 'app.assignments', 'max_group_size', 'UPDATE'),
    ('ok_api', 'app.assignments', 'published_score_kinds', 'UPDATE'),
    ('ok_api', 'app.assignments', 'revisions_allowed', 'UPDATE'),
    ('ok_api', 'app.assignments', 'upload_info', 'UPDATE'),
    ('ok_api', 'app.assignments', 'uploads_enabled', 'UPDATE'),
    ('ok_api', 'app.assignments', 'url', 'UPDATE'),
    ('ok_api', 'app.assignments', 'visible', 'UPDATE'),
    ('ok_api', 'app.backups', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.backups', 'client_name', 'INSERT'),
    ('ok_api', 'app.backups', 'client_version', 'INSERT'),
    ('ok_api', 'app.backups', 'course_id', 'INSERT'),
    ('ok_api', 'app.backups', 'creator_id', 'INSERT'),
    ('ok_api', 'app.backups', 'submit', 'INSERT'),
    ('ok_api', 'app.backups', 'submitter_id', 'INSERT'),
    ('ok_api', 'app.backups', 'custom_submission_time', 'UPDATE'),
    ('ok_api', 'app.client_versions', 'current_version', 'INSERT'),
    ('ok_api', 'app.client_versions', 'download_link', 'INSERT'),
    ('ok_api', 'app.client_versions', 'name', 'INSERT'),
    ('ok_api', 'app.client_versions', 'current_version', 'UPDATE'),
    ('ok_api', 'app.client_versions', 'download_link', 'UPDATE'),
    ('ok_api', 'app.client_versions', 'updated_at', 'UPDATE'),
    ('ok_api', 'app.comment_bank', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.comment_bank', 'author_id', 'INSERT'),
    ('ok_api', 'app.comment_bank', 'course_id', 'INSERT'),
    ('ok_api', 'app.comment_bank', 'message', 'INSERT'),
    ('ok_api', 'app.comment_bank', 'uses', 'UPDATE'),
    ('ok_api', 'app.comments', 'author_id', 'INSERT'),
    ('ok_api', 'app.comments', 'backup_id', 'INSERT'),
    ('ok_api', 'app.comments', 'course_id', 'INSERT'),
    ('ok_api', 'app.comments', 'filename', 'INSERT'),
    ('ok_api', 'app.comments', 'line', 'INSERT'),
    ('ok_api', 'app.comments', 'message', 'INSERT'),
    ('ok_api', 'app.comments', 'message', 'UPDATE'),
    ('ok_api', 'app.comments', 'kind', 'INSERT'),
    ('ok_api', 'app.courses', 'display_name', 'INSERT'),
    ('ok_api', 'app.courses', 'institution', 'INSERT'),
    ('ok_api', 'app.courses', 'offering', 'INSERT'),
    ('ok_api', 'app.courses', 'timezone', 'INSERT'),
    ('ok_api', 'app.courses', 'active', 'UPDATE'),
    ('ok_api', 'app.courses', 'display_name', 'UPDATE'),
    ('ok_api', 'app.courses', 'export_token_active', 'UPDATE'),
    ('ok_api', 'app.courses', 'export_token_hash', 'UPDATE'),
    ('ok_api', 'app.courses', 'timezone', 'UPDATE'),
    ('ok_api', 'app.enrollments', 'course_id', 'INSERT'),
    ('ok_api', 'app.enrollments', 'role', 'INSERT'),
    ('ok_api', 'app.enrollments', 'section', 'INSERT'),
    ('ok_api', 'app.enrollments', 'sid', 'INSERT'),
    ('ok_api', 'app.enrollments', 'user_id', 'INSERT'),
    ('ok_api', 'app.enrollments', 'role', 'UPDATE'),
    ('ok_api', 'app.enrollments', 'section', 'UPDATE'),
    ('ok_api', 'app.enrollments', 'sid', 'UPDATE'),
    ('ok_api', 'app.extension_requests', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.extension_requests', 'course_id', 'INSERT'),
    ('ok_api', 'app.extension_requests', 'reason', 'INSERT'),
    ('ok_api', 'app.extension_requests', 'user_id', 'INSERT'),
    ('ok_api', 'app.extension_requests', 'decided_at', 'UPDATE'),
    ('ok_api', 'app.extension_requests', 'decided_by', 'UPDATE'),
    ('ok_api', 'app.extension_requests', 'status', 'UPDATE'),
    ('ok_api', 'app.extensions', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.extensions', 'course_id', 'INSERT'),
    ('ok_api', 'app.extensions', 'custom_submission_time', 'INSERT'),
    ('ok_api', 'app.extensions', 'expires_at', 'INSERT'),
    ('ok_api', 'app.extensions', 'reason', 'INSERT'),
    ('ok_api', 'app.extensions', 'staff_id', 'INSERT'),
    ('ok_api', 'app.extensions', 'user_id', 'INSERT'),
    ('ok_api', 'app.extensions', 'custom_submission_time', 'UPDATE'),
    ('ok_api', 'app.extensions', 'expires_at', 'UPDATE'),
    ('ok_api', 'app.extensions', 'reason', 'UPDATE'),
    ('ok_api', 'app.extensions', 'staff_id', 'UPDATE'),
    ('ok_api', 'app.grading_tasks', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.grading_tasks', 'backup_id', 'INSERT'),
    ('ok_api', 'app.grading_tasks', 'course_id', 'INSERT'),
    ('ok_api', 'app.grading_tasks', 'grader_id', 'INSERT'),
    ('ok_api', 'app.grading_tasks', 'grader_id', 'UPDATE'),
    ('ok_api', 'app.grading_tasks', 'kind', 'INSERT'),
    ('ok_api', 'app.messages', 'backup_id', 'INSERT'),
    ('ok_api', 'app.messages', 'contents', 'INSERT'),
    ('ok_api', 'app.messages', 'kind', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'asked_value', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'backup_id', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'course_id', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'kind', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'reason', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'requester_id', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'score_id', 'INSERT'),
    ('ok_api', 'app.regrade_requests', 'new_score_id', 'UPDATE'),
    ('ok_api', 'app.regrade_requests', 'reply', 'UPDATE'),
    ('ok_api', 'app.regrade_requests', 'resolved_at', 'UPDATE'),
    ('ok_api', 'app.regrade_requests', 'resolver_id', 'UPDATE'),
    ('ok_api', 'app.regrade_requests', 'status', 'UPDATE'),
    ('ok_api', 'app.rubric_items', 'course_id', 'INSERT'),
    ('ok_api', 'app.rubric_items', 'description', 'INSERT'),
    ('ok_api', 'app.rubric_items', 'points', 'INSERT'),
    ('ok_api', 'app.rubric_items', 'position', 'INSERT'),
    ('ok_api', 'app.rubric_items', 'rubric_id', 'INSERT'),
    ('ok_api', 'app.rubric_items', 'description', 'UPDATE'),
    ('ok_api', 'app.rubric_items', 'points', 'UPDATE'),
    ('ok_api', 'app.rubric_items', 'position', 'UPDATE'),
    ('ok_api', 'app.rubrics', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.rubrics', 'course_id', 'INSERT'),
    ('ok_api', 'app.rubrics', 'kind', 'INSERT'),
    ('ok_api', 'app.rubrics', 'max_points', 'INSERT'),
    ('ok_api', 'app.rubrics', 'min_points', 'INSERT'),
    ('ok_api', 'app.rubrics', 'start_points', 'INSERT'),
    ('ok_api', 'app.rubrics', 'max_points', 'UPDATE'),
    ('ok_api', 'app.rubrics', 'min_points', 'UPDATE'),
    ('ok_api', 'app.rubrics', 'start_points', 'UPDATE'),
    ('ok_api', 'app.score_rubric_items', 'course_id', 'INSERT'),
    ('ok_api', 'app.score_rubric_items', 'item_id', 'INSERT'),
    ('ok_api', 'app.score_rubric_items', 'note', 'INSERT'),
    ('ok_api', 'app.score_rubric_items', 'score_id', 'INSERT'),
    ('ok_api', 'app.scores', 'assignment_id', 'INSERT'),
    ('ok_api', 'app.scores', 'backup_id', 'INSERT'),
    ('ok_api', 'app.scores', 'course_id', 'INSERT'),
    ('ok_api', 'app.scores', 'grader_id', 'INSERT'),
    ('ok_api', 'app.scores', 'kind', 'INSERT'),
    ('ok_api', 'app.scores', 'message', 'INSERT'),
    ('ok_api', 'app.scores', 'rubric_id', 'INSERT'),
    ('ok_api', 'app.scores', 'user_id', 'INSERT'),
    ('ok_api', 'app.scores', 'value', 'INSERT'),
    ('ok_api', 'app.scores', 'archived', 'UPDATE'),
    ('ok_api', 'app.users', 'email', 'INSERT'),
    ('ok_api', 'app.users', 'is_admin', 'INSERT'),
    ('ok_api', 'app.users', 'name', 'INSERT'),
    ('ok_api', 'auth.oauth_tokens', 'revoked_at', 'UPDATE'),
    ('ok_worker', 'app.email_outbox', 'attempts', 'UPDATE'),
    ('ok_worker', 'app.email_outbox', 'claimed_at', 'UPDATE'),
    ('ok_worker', 'app.email_outbox', 'last_error', 'UPDATE'),
    ('ok_worker', 'app.email_outbox', 'sent_at', 'UPDATE'),
    ('ok_worker', 'app.email_outbox', 'status', 'UPDATE'),
    ('ok_api', 'auth.sessions', 'revoked_at', 'UPDATE');

select set_eq(
  $$ select r.rolname::text, n.nspname || '.' || p.proname
     from pg_roles as r cross join pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname in ('app', 'auth', 'api', 'analytics')
       and r.rolname in ('authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker', 'ok_auth', 'ok_analytics')
       and has_function_privilege(r.oid, p.oid, 'execute') $$,
  $$ select role_name, function_name from expected_execute $$,
  'request and login roles execute exactly the allowlisted api functions and claim readers'
);
select is_empty(
  $$ select p.oid::regprocedure::text
     from pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname = 'app' and p.prorettype <> 'trigger'::regtype
       and (has_function_privilege('ok_anon', p.oid, 'execute') or has_function_privilege('ok_user', p.oid, 'execute')
            or has_function_privilege('ok_worker', p.oid, 'execute') or has_function_privilege('ok_auth', p.oid, 'execute')) $$,
  'no request role executes an app helper'
);
select set_eq(
  $$ select r.rolname::text, c.oid::regclass::text, a.attname::text, pr.p
     from pg_roles as r cross join pg_class as c
     inner join pg_namespace as n on c.relnamespace = n.oid
     inner join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     cross join (values ('INSERT'), ('UPDATE')) as pr (p)
     where n.nspname in ('app', 'auth') and c.relkind = 'r'
       and r.rolname in ('authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker', 'ok_auth', 'ok_analytics',
                         'ok_api', 'ok_analytics_owner')
       and has_column_privilege(r.oid, c.oid, a.attnum, pr.p) $$,
  $$ select role_name, table_name, column_name, privilege from expected_writes $$,
  'every role writes exactly the allowlisted columns'
);
select is_empty(
  $$ select c.oid::regclass::text || ' ' || g.privilege_type || ' to ' || g.grantee
     from information_schema.role_table_grants as g
     inner join pg_class as c on c.oid = (quote_ident(g.table_schema) || '.' || quote_ident(g.table_name))::regclass
     where g.table_schema in ('app', 'auth') and g.privilege_type in ('INSERT', 'UPDATE')
       and g.grantee not in ('ok_owner', 'postgres') and g.grantee not like 'pg\_%' $$,
  'no insert or update grant covers a whole table: they name their columns'
);
select set_eq(
  $$ select r.rolname::text, c.oid::regclass::text
     from pg_roles as r cross join pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname in ('app', 'auth') and c.relkind = 'r'
       and r.rolname in ('authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker', 'ok_auth', 'ok_analytics',
                         'ok_api', 'ok_analytics_owner')
       and has_table_privilege(r.oid, c.oid, 'DELETE') $$,
  $$ values ('ok_api', 'app.extensions'), ('ok_api', 'app.rubric_items') $$,
  'only ok_api deletes, and only extensions (revoking one) and rubric items (one no score applied)'
);

-- The attack: ok_user mints the admin's refresh token with an internal helper.
select tests.act_as('s1@a.edu');
select throws_ok($$ select app.mint_token(tests.user_id('admin@x.edu'), 'ok-client', array['all'], 60, 60) $$,
  '42501', null, 'a signed-in user cannot execute app.mint_token');
select throws_ok($$ select app.ensure_user('evil@x.edu', 'Evil') $$, '42501', null, 'nor app.ensure_user');
select throws_ok($$ select app.record_revision(1, 1) $$, '42501', null, 'nor app.record_revision');
select throws_ok($$ select app.unit_dates(1, array[1]::bigint[]) $$, '42501', null, 'nor app.unit_dates');

-- Backups: a student adds no file to an existing backup; nobody rewrites a backup's identity.
select throws_ok(
  $$ insert into app.messages (backup_id, kind, contents)
     select b.id, 'file_contents', '{"evil.py": "x"}' from app.backups as b
     where b.submitter_id = tests.user_id('s1@a.edu') limit 1 $$,
  '42501', null, 'a student cannot add messages to an existing backup directly');
select tests.act_as_api('s1@a.edu');
select throws_ok(
  $$ insert into app.messages (backup_id, kind, contents)
     select b.id, 'file_contents', '{"evil.py": "x"}' from app.backups as b
     where b.submitter_id = tests.user_id('s1@a.edu') limit 1 $$,
  '42501', null, 'nor through the api role: files go only into a backup created in the same transaction');
with changed as (
  update app.backups set custom_submission_time = now() - interval '1 year'
  where submitter_id = tests.user_id('s1@a.edu') returning 1
)
select is(count(*)::int, 0, 'a student cannot move their own backup''s time (RLS: staff only)') from changed;
reset role;
select throws_ok(
  $$ update app.backups set submitter_id = tests.user_id('s2@a.edu') where submitter_id = tests.user_id('s1@a.edu') $$,
  'PT409', null, 'a backup''s submitter never changes, not even for the owner');
select throws_ok(
  $$ update app.backups set created_at = now() - interval '1 day' $$,
  'PT409', null, 'nor its time');

-- Scores: a reader cannot rewrite another grader's score, only archive it through the api.
insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
select b.id, b.assignment_id, b.course_id, b.submitter_id, tests.user_id('ta@a.edu'), 'composition', 2, 'ok'
from app.backups as b where b.submitter_id = tests.user_id('s1@a.edu') and b.submit limit 1;
select tests.act_as('reader@a.edu');
select throws_ok($$ update app.scores set value = 0 where kind = 'composition' $$, '42501', null,
  'a reader cannot rewrite a score directly');
select tests.act_as_api('reader@a.edu');
select throws_ok($$ update app.scores set value = 0 where kind = 'composition' $$, '42501', null,
  'nor through the api role, which may only archive');

-- Scopes bound every api function: an email-scope token reaches identity and nothing else.
select tests.act_as('instructor@a.edu');
select set_config('request.jwt.claims', (auth.claims() || '{"scope": "email"}')::text, true);
select is(auth.user_id(), null, 'an email-scope token acts for nobody under RLS');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 0,
  'an instructor''s email-scope token sees no final submissions');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', 'Renamed') $$, 'PT401', null,
  'and changes no course settings');
select tests.act_as('admin@x.edu');
select set_config('request.jwt.claims', (auth.claims() || '{"scope": "email"}')::text, true);
select is(auth.is_admin(), false, 'an admin''s email-scope token has no admin powers');
select is(tests.v3('s1@a.edu', 'api.v3_user_get()'), 200, 'the identity endpoint still answers a full token');

select * from finish();
rollback;

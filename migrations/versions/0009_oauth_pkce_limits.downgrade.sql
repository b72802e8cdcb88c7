-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file ban-drop-column, ban-drop-constraint, constraint-missing-not-valid, require-lock-timeout, require-statement-timeout
alter table app.scores drop constraint scores_value_finite;
alter table app.scores add constraint scores_value_finite check (value not in ('NaN'::numeric));

alter table auth.oauth_grants
drop constraint oauth_grants_pkce,
drop column code_challenge_method,
drop column code_challenge;

alter table app.scores drop constraint scores_value_finite;
alter table app.scores add constraint scores_value_finite check (value not in ('NaN'::numeric));

alter table auth.oauth_grants
drop constraint oauth_grants_pkce,
drop column code_challenge_method,
drop column code_challenge;

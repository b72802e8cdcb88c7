-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file ban-drop-constraint, constraint-missing-not-valid, require-lock-timeout, require-statement-timeout
alter table auth.oauth_grants
add column code_challenge text,
add column code_challenge_method text,
add constraint oauth_grants_pkce check (
  (code_challenge is null and code_challenge_method is null)
  or (code_challenge_method = 'S256' and code_challenge ~ '^[A-Za-z0-9_-]{43}$')
);
comment on column auth.oauth_grants.code_challenge is
'RFC 7636 PKCE: BASE64URL(SHA256(code_verifier)) sent with the authorization request, or null.';

alter table app.scores drop constraint scores_value_finite;
alter table app.scores add constraint scores_value_finite check (value between -1e15 and 1e15);
comment on constraint scores_value_finite on app.scores is
'Scores are finite: not NaN, not +/-Infinity, and within +/-1e15 (so every reader, float-based or not, '
'reads the same number).';

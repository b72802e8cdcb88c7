-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file constraint-missing-not-valid, disallowed-unique-constraint, require-lock-timeout, require-statement-timeout
alter table app.courses
add column export_token_hash text,
add column export_token_active boolean not null default false,
add constraint courses_export_token_hash_key unique (export_token_hash);

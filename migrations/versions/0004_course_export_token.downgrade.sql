-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file ban-drop-column, require-lock-timeout, require-statement-timeout
alter table app.courses
drop column export_token_active,
drop column export_token_hash;

-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file ban-drop-function, require-lock-timeout, require-statement-timeout
drop function if exists app.final_submissions(bigint);
drop function if exists app.extension_for(bigint, bigint, timestamptz);

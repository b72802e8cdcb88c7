drop function if exists app.final_submissions(bigint);
drop function if exists app.extension_for(bigint, bigint, timestamptz);

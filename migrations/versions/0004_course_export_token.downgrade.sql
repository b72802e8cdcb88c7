alter table app.courses
drop column export_token_active,
drop column export_token_hash;

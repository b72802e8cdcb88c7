alter table app.courses
add column export_token_hash text,
add column export_token_active boolean not null default false,
add constraint courses_export_token_hash_key unique (export_token_hash);

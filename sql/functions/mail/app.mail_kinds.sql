-- app.mail_kinds(): the kinds of notification mail, said once, with how each reads on the
-- mail settings page and in a message's footer: group (invitations, acceptances, declines,
-- removals), extension (a request granted or denied), extension_requests (staff: a digest
-- of new requests), scores (published), regrade (a request resolved), receipt (each
-- submission; off until turned on), reminder (a due date near, with work not submitted).
-- Called by: app.queue_mail, api.mail_settings_page, api.set_mail_preferences,
-- api.unsubscribe. Security: invoker, immutable. Raises nothing.
create or replace function app.mail_kinds()
returns table (kind text, label text)
language sql
immutable
as $$
  select k.kind, k.label from (values
    (1, 'group', 'Group invitations and changes to my groups'),
    (2, 'extension', 'Answers to my extension requests'),
    (3, 'scores', 'Scores published to me'),
    (4, 'regrade', 'Answers to my regrade requests'),
    (5, 'reminder', 'Reminders before a due date when I have not submitted'),
    (6, 'receipt', 'A receipt for each submission'),
    (7, 'extension_requests', 'Staff: a digest of new extension requests in my courses')
  ) as k (n, kind, label)
  order by k.n
$$;

revoke all on function app.mail_kinds() from public;

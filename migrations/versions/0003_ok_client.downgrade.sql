delete from auth.oauth_clients
where client_id = 'ok-client';

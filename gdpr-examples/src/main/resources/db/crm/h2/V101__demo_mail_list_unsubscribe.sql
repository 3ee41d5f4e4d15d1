-- The List-Unsubscribe and List-Unsubscribe-Post header fields (RFC 2369, RFC 8058) a demo mail would carry, shown on
-- the outbox page; empty for mail that is not marketing.
alter table crm_demo_mail add column list_unsubscribe varchar(2000);
alter table crm_demo_mail add column list_unsubscribe_post varchar(64);

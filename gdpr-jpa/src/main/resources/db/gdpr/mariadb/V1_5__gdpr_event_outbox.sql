-- gdpr-kit mariadb schema, version 1.5: the event outbox, in the column layout of Debezium's outbox event router
-- (id, aggregatetype, aggregateid, type, payload) plus the polling relay's order (seq), tenant and time.
create table gdpr_event_outbox (
  id            varchar(36) character set ascii collate ascii_bin not null,
  seq           bigint not null auto_increment unique,
  aggregatetype varchar(64) character set ascii collate ascii_bin not null,
  aggregateid   varchar(128) character set ascii collate ascii_bin not null,
  type          varchar(128) character set ascii collate ascii_bin not null,
  payload       text not null,
  tenant        varchar(64) character set ascii collate ascii_bin not null,
  created_at    datetime(6) not null,
  primary key (id)
);

create index gdpr_event_outbox_created on gdpr_event_outbox (created_at);

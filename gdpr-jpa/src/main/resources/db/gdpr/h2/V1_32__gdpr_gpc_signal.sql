-- gdpr-kit h2 schema, version 1.32: Global Privacy Control signal records, numbered per subject from 1.
create table gdpr_gpc_signal (
  tenant          varchar(64)  not null,
  subject         varchar(128) not null,
  seq             bigint not null,
  received_at     timestamp(6) with time zone not null,
  source          varchar(32)  not null,
  origin          varchar(200),
  user_agent_hash varchar(200),
  withdrawn       character varying(65535) not null,
  objected        character varying(65535) not null,
  primary key (tenant, subject, seq)
);

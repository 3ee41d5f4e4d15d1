-- gdpr-kit postgresql schema, version 1.32: Global Privacy Control signal records, numbered per subject from 1.
create table gdpr_gpc_signal (
  tenant          varchar(64)  collate "C" not null,
  subject         varchar(128) collate "C" not null,
  seq             bigint not null,
  received_at     timestamp(6) with time zone not null,
  source          varchar(32)  not null,
  origin          varchar(200) collate "C",
  user_agent_hash varchar(200) collate "C",
  withdrawn       text not null,
  objected        text not null,
  primary key (tenant, subject, seq)
);

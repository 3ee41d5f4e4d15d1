-- gdpr-kit mariadb schema, version 1.32: Global Privacy Control signal records, numbered per subject from 1.
create table gdpr_gpc_signal (
  tenant          varchar(64)  character set ascii collate ascii_bin not null,
  subject         varchar(128) character set ascii collate ascii_bin not null,
  seq             bigint not null,
  received_at     datetime(6) not null,
  source          varchar(32)  character set ascii collate ascii_bin not null,
  origin          varchar(200) character set utf8mb4 collate utf8mb4_bin,
  user_agent_hash varchar(200) character set utf8mb4 collate utf8mb4_bin,
  withdrawn       text character set utf8mb4 collate utf8mb4_bin not null,
  objected        text character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant, subject, seq)
);

-- gdpr-kit mariadb schema, version 1.31: the disclosure log (Art. 15(1)(c), Art. 30(1)(d)) and the Art. 19
-- notices to recipients, an outbox that instances claim with SELECT ... FOR UPDATE SKIP LOCKED and a lease.
create table gdpr_disclosure (
  seq               bigint not null auto_increment,
  id                varchar(36)  character set ascii collate ascii_bin not null,
  tenant            varchar(64)  character set ascii collate ascii_bin not null,
  subject           varchar(128) character set ascii collate ascii_bin,
  subject_pseudonym varchar(200) character set utf8mb4 collate utf8mb4_bin not null,
  recipient         varchar(64)  character set ascii collate ascii_bin not null,
  purpose           varchar(64)  character set ascii collate ascii_bin not null,
  categories        text character set utf8mb4 collate utf8mb4_bin not null,
  from_country      varchar(2)   character set ascii collate ascii_bin,
  to_country        varchar(2)   character set ascii collate ascii_bin not null,
  basis             varchar(32)  character set ascii collate ascii_bin not null,
  disclosed_by_type varchar(16)  character set ascii collate ascii_bin not null,
  disclosed_by_id   varchar(128) character set ascii collate ascii_bin,
  disclosed_at      datetime(6) not null,
  primary key (seq)
);
create unique index gdpr_disclosure_id on gdpr_disclosure (id);
create index gdpr_disclosure_subject on gdpr_disclosure (tenant, subject, seq);
create index gdpr_disclosure_pseudonym on gdpr_disclosure (subject_pseudonym, seq);

create table gdpr_notification (
  id                varchar(36)  character set ascii collate ascii_bin not null,
  seq               bigint not null auto_increment unique,
  tenant            varchar(64)  character set ascii collate ascii_bin not null,
  subject           varchar(128) character set ascii collate ascii_bin,
  subject_pseudonym varchar(200) character set utf8mb4 collate utf8mb4_bin not null,
  recipient         varchar(64)  character set ascii collate ascii_bin not null,
  reason            varchar(32)  character set ascii collate ascii_bin not null,
  details           text character set utf8mb4 collate utf8mb4_bin not null,
  status            varchar(16)  character set ascii collate ascii_bin not null,
  undelivered       boolean not null,
  attempts          integer not null,
  last_error        varchar(500) character set utf8mb4 collate utf8mb4_bin,
  created_at        datetime(6) not null,
  delivered_at      datetime(6),
  lease_owner       varchar(200) character set utf8mb4 collate utf8mb4_bin,
  lease_until       datetime(6),
  revision          bigint not null default 1,
  primary key (id)
);
create index gdpr_notification_subject on gdpr_notification (tenant, subject, seq);
create index gdpr_notification_pseudonym on gdpr_notification (subject_pseudonym, seq);
create index gdpr_notification_undelivered on gdpr_notification (undelivered, seq);

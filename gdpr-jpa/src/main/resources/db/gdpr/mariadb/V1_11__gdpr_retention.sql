-- gdpr-kit mariadb schema, version 1.11: storage limitation (Art. 5(1)(e)): last activity per subject, leased
-- retention claims, re-permission campaigns and their members.
create table gdpr_retention_activity (
  tenant        varchar(64)  character set ascii collate ascii_bin not null,
  subject       varchar(128) character set ascii collate ascii_bin not null,
  last_activity datetime(6) not null,
  primary key (tenant, subject)
);
create table gdpr_retention_claim (
  tenant             varchar(64)  character set ascii collate ascii_bin not null,
  subject            varchar(128) character set ascii collate ascii_bin not null,
  rule_id            varchar(64)  character set ascii collate ascii_bin not null,
  lease_owner        varchar(200) character set utf8mb4 collate utf8mb4_bin,
  lease_until        datetime(6),
  claimed_activity   datetime(6),
  processed_activity datetime(6),
  primary key (tenant, subject, rule_id)
);
create table gdpr_retention_campaign (
  id         varchar(64) character set ascii collate ascii_bin not null,
  purpose    varchar(64) character set ascii collate ascii_bin not null,
  started_at datetime(6) not null,
  deadline   datetime(6) not null,
  primary key (id)
);
create table gdpr_retention_member (
  campaign_id varchar(64)  character set ascii collate ascii_bin not null,
  tenant      varchar(64)  character set ascii collate ascii_bin not null,
  subject     varchar(128) character set ascii collate ascii_bin not null,
  lease_owner varchar(200) character set utf8mb4 collate utf8mb4_bin,
  lease_until datetime(6),
  primary key (campaign_id, tenant, subject)
);
create index gdpr_retention_member_subject on gdpr_retention_member (tenant, subject);

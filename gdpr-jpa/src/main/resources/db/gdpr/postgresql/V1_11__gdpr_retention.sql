-- gdpr-kit postgresql schema, version 1.11: storage limitation (Art. 5(1)(e)): last activity per subject, leased
-- retention claims, re-permission campaigns and their members.
create table gdpr_retention_activity (
  tenant        varchar(64)  collate "C" not null,
  subject       varchar(128) collate "C" not null,
  last_activity timestamp(6) with time zone not null,
  primary key (tenant, subject)
);
create table gdpr_retention_claim (
  tenant             varchar(64)  collate "C" not null,
  subject            varchar(128) collate "C" not null,
  rule_id            varchar(64)  collate "C" not null,
  lease_owner        varchar(200),
  lease_until        timestamp(6) with time zone,
  claimed_activity   timestamp(6) with time zone,
  processed_activity timestamp(6) with time zone,
  primary key (tenant, subject, rule_id)
);
create table gdpr_retention_campaign (
  id         varchar(64) collate "C" not null,
  purpose    varchar(64) collate "C" not null,
  started_at timestamp(6) with time zone not null,
  deadline   timestamp(6) with time zone not null,
  primary key (id)
);
create table gdpr_retention_member (
  campaign_id varchar(64)  collate "C" not null,
  tenant      varchar(64)  collate "C" not null,
  subject     varchar(128) collate "C" not null,
  lease_owner varchar(200),
  lease_until timestamp(6) with time zone,
  primary key (campaign_id, tenant, subject)
);
create index gdpr_retention_member_subject on gdpr_retention_member (tenant, subject);

-- gdpr-kit mariadb schema, version 1.30: the register of recipients (Art. 30(1)(d)-(e), Art. 15(1)(c), Art. 19),
-- one per tenant; an entry is retired, never deleted.
create table gdpr_recipient (
  tenant              varchar(64)  character set ascii collate ascii_bin not null,
  id                  varchar(64)  character set ascii collate ascii_bin not null,
  kind                varchar(32)  character set ascii collate ascii_bin not null,
  name                varchar(200) character set utf8mb4 collate utf8mb4_bin not null,
  contact             varchar(300) character set utf8mb4 collate utf8mb4_bin not null,
  country             varchar(2)   character set ascii collate ascii_bin not null,
  safeguard           varchar(32)  character set ascii collate ascii_bin not null,
  safeguard_reference varchar(500) character set utf8mb4 collate utf8mb4_bin,
  retired_at          datetime(6),
  retirement_reason   varchar(500) character set utf8mb4 collate utf8mb4_bin,
  revision            bigint not null default 1,
  primary key (tenant, id)
);

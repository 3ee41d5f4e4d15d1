create table host_customer (
  id varchar(64) primary key,
  name varchar(200) not null,
  email varchar(1000)
);

-- What workshop-service knows of schools, kept from school-events: enough to validate a workshop's school.
create table school_replica (
    uai          varchar(8)  primary key,
    name         text        not null,
    academy_code varchar(2)  not null,
    status       varchar(16) not null,
    version      bigint      not null
);

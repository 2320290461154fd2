-- Dead-letter records an operator re-drove (service-support DeadLetters): a record is re-driven at most once.
create table dead_letter_redrive (
    dlq_topic     text        not null,
    dlq_partition integer     not null,
    dlq_offset    bigint      not null,
    redriven_at   timestamptz not null,
    redriven_by   text        not null,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);

-- An event's id (its CloudEvents ce_id) is a random UUID the outbox makes: unique by construction, and no statement
-- looks a row up by it (the relay reads and marks rows by seq; consumers compare versions). Its unique index wrote a
-- random key twice per event, on insert and again when the relay marks the row published (a new row version): on
-- 61,380 school events it was a quarter of the insert (1.03 s against 0.70 s) and two fifths of the marking (2.68 s
-- against 1.59 s for 122,760 rows).
alter table outbox_event drop constraint outbox_event_id_key;

#!/bin/sh
# Run once the broker is healthy, before any service starts (docker-compose.yml, kafka-setup): creates the topics and
# grants each service's user what it needs and nothing more. Every step is idempotent, so it runs at every `up`.
#
#   school-service    writes school-events
#   workshop-service  writes campaign-events, workshop-events, creator-post-events; reads school-events (its replica)
#   reach-service     reads all four
#
# Each writer may use transactional ids starting with its name (the outbox relay's "<service>-outbox-<uuid>"); each
# reader may use consumer groups starting with its name (reach deletes its rebuild's group once it is swapped in).
# No service may create, delete or reconfigure a topic, nor touch another's.
set -eu

kafka=/opt/kafka/bin
broker=kafka:9092
admin="--bootstrap-server $broker --command-config /tmp/admin.properties"

cat >/tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

for topic in school-events campaign-events workshop-events creator-post-events; do
  # shellcheck disable=SC2086
  $kafka/kafka-topics.sh $admin --create --if-not-exists --topic "$topic" --partitions "${EVENTS_TOPIC_PARTITIONS:-6}" \
    --replication-factor 1
done

writes() { # user, topic...
  user=$1; shift
  for topic in "$@"; do
    # shellcheck disable=SC2086
    $kafka/kafka-acls.sh $admin --add --allow-principal "User:$user" --operation Write --operation Describe --topic "$topic" >/dev/null
  done
  # shellcheck disable=SC2086
  $kafka/kafka-acls.sh $admin --add --allow-principal "User:$user" --operation Write --operation Describe \
    --transactional-id "$user-outbox-" --resource-pattern-type prefixed >/dev/null
}

reads() { # user, topic...
  user=$1; shift
  for topic in "$@"; do
    # shellcheck disable=SC2086
    $kafka/kafka-acls.sh $admin --add --allow-principal "User:$user" --operation Read --operation Describe --topic "$topic" >/dev/null
  done
  # shellcheck disable=SC2086
  $kafka/kafka-acls.sh $admin --add --allow-principal "User:$user" --operation Read --operation Describe --operation Delete \
    --group "$user." --resource-pattern-type prefixed >/dev/null
}

writes school-service school-events
writes workshop-service campaign-events workshop-events creator-post-events
reads workshop-service school-events
reads reach-service school-events campaign-events workshop-events creator-post-events

# shellcheck disable=SC2086
$kafka/kafka-acls.sh $admin --list

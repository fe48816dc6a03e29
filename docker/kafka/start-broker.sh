#!/bin/sh
# The broker of docker-compose.yml: single-node KRaft, clients authenticated with SASL/SCRAM-SHA-512, every request
# authorised by ACLs (StandardAuthorizer; docker/kafka/setup.sh grants them). The users and their passwords come from
# the environment and are written into the metadata log when the data volume is first formatted, as the PostgreSQL
# roles are when its volume is first created: changing a password later is `kafka-configs.sh --alter` (README).
set -eu

for variable in KAFKA_ADMIN_PASSWORD KAFKA_SCHOOL_PASSWORD KAFKA_WORKSHOP_PASSWORD KAFKA_REACH_PASSWORD; do
  eval "value=\${$variable:-}"
  # SCRAM's --add-scram and the JAAS line quote nothing: keep to characters neither syntax gives a meaning.
  case "$value" in
    "") echo "$variable is not set" >&2; exit 1 ;;
    *[!A-Za-z0-9_.-]*) echo "$variable may hold only letters, digits, '.', '_' and '-'" >&2; exit 1 ;;
  esac
done

umask 077
config=/tmp/server.properties
cat >"$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
# The controller listener answers on the loopback only: the broker is its only client.
controller.quorum.voters=1@127.0.0.1:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# admin: the broker itself and the setup job. ANONYMOUS: the broker's own requests to its controller, on the loopback
# PLAINTEXT listener (KRaft's controller listener takes no SCRAM); no client can reach that listener.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
num.partitions=6
# One broker: every internal topic has a single replica (the outbox relay uses transactions).
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Events are kept forever: reach-service rebuilds its projection by reading the topics from offset 0.
log.retention.hours=-1
PROPERTIES

# What the health check and the setup job use to talk to the broker as admin.
cat >/tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=school-service,password=$KAFKA_SCHOOL_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=workshop-service,password=$KAFKA_WORKSHOP_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=reach-service,password=$KAFKA_REACH_PASSWORD]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"

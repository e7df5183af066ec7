#!/bin/bash
# Init container of media-service: writes the Quarkus config the service starts with, the cluster
# settings plus the address this node announces in ICE candidates. That address is the node's entry
# in the ConfigMap media-public-addresses (nodes behind 1:1 NAT, whose public address the node does
# not hold) or else the node's own address (nodes reachable at their address). Needs nothing but bash.
set -euo pipefail
addresses="${PUBLIC_ADDRESSES_DIR:-/etc/telehealth/public-addresses}"
template="${CONFIG_TEMPLATE:-/etc/telehealth/config-template/application.properties}"
output="${CONFIG_OUTPUT:-/home/jboss/config/application.properties}"
public="${addresses}/${NODE_NAME}"
if [[ -s "$public" ]]; then
  address="$(< "$public")"
  address="${address//[[:space:]]/}"
else
  address="$HOST_IP"
fi
if [[ ! "$address" =~ ^[0-9A-Fa-f.:]+$ ]]; then
  echo "media-public-addresses has no IP address for node ${NODE_NAME}: '${address}'" >&2
  exit 1
fi
{
  cat "$template"
  echo
  echo "# Written by advertise-address.sh for node ${NODE_NAME}"
  echo "media.transport.advertised-address=${address}"
} > "$output"
echo "node ${NODE_NAME}: media on ${HOST_IP}:10000/udp, advertised as ${address}"

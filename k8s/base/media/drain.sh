#!/bin/bash
# preStop of media-service: first asks the instance to drain, so that it opens no new room while
# its open rooms carry on, then keeps it running until its last room has closed, bounded by the
# pod's terminationGracePeriodSeconds; Kubernetes sends SIGTERM only after this returns.
# The drain is asked for by creating the file MEDIA_DRAIN_REQUEST_FILE in the container's /tmp,
# which the instance watches (media.drain.request-file): no token is needed, and nothing outside the
# container (on the node's network every process could reach a loopback port) can ask.
# It then reads the instance's gauges media_draining and media_rooms from /q/metrics with bash
# alone, no HTTP client needed in the image, and reports the rooms left every 15 s on stdout.
# Signaling places new rooms only on instances whose load reports do not say draining, and the
# instance refuses them anyway (docs/operations.md, "Draining a media node").
set -u
host="${HOST_IP:-127.0.0.1}"
port="${MEDIA_HTTP_PORT:-8083}"
poll="${DRAIN_POLL_SECONDS:-15}"
request="${MEDIA_DRAIN_REQUEST_FILE:-}"
confirm="${DRAIN_CONFIRM_SECONDS:-10}"

# Prints "<rooms> <draining>" from the instance's metrics, or "-1 -1" when they cannot be read.
gauges() {
  local line rooms=-1 draining=-1
  exec 3<>"/dev/tcp/${host}/${port}" || { echo "-1 -1"; return; }
  printf 'GET /q/metrics HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
  while [[ "$rooms" == -1 || "$draining" == -1 ]] && IFS= read -r -t 10 line <&3; do
    line="${line%$'\r'}"
    case "$line" in
      "media_rooms "* | "media_rooms{"*) rooms="${line##* }" ;;
      "media_draining "* | "media_draining{"*) draining="${line##* }" ;;
    esac
  done
  exec 3<&-
  echo "${rooms%%.*} ${draining%%.*}"
}

if [[ -z "$request" ]]; then
  echo "drain: MEDIA_DRAIN_REQUEST_FILE is not set; the instance is not asked to drain and may still open new rooms"
elif ! : > "$request"; then
  echo "drain: cannot create ${request}; the instance is not asked to drain and may still open new rooms"
else
  confirmed=0
  for (( waited = 0; waited < confirm; waited++ )); do
    read -r open draining < <(gauges)
    if [[ "$draining" == "1" ]]; then
      confirmed=1
      break
    fi
    sleep 1
  done
  if (( confirmed )); then
    echo "drain: the instance opens no new room"
  else
    echo "drain: the instance did not confirm its drain within ${confirm} s; it may still open new rooms"
  fi
fi

while true; do
  read -r open draining < <(gauges)
  if [[ "$open" == "-1" ]]; then
    echo "drain: metrics unreadable, stopping now"
    exit 0
  fi
  if (( open <= 0 )); then
    echo "drain: no room left, stopping"
    exit 0
  fi
  echo "drain: ${open} room(s) still open, waiting"
  sleep "$poll"
done

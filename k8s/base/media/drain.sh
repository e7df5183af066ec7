#!/bin/bash
# preStop of media-service: a stopping instance keeps forwarding until its last room has closed,
# bounded by the pod's terminationGracePeriodSeconds; Kubernetes sends SIGTERM only after this
# returns. While it waits, the pod is no longer ready (no new traffic from Services) and reports
# its rooms every 15 s on stdout. It reads the instance's own gauge media_rooms from /q/metrics
# with bash alone, no HTTP client needed in the image. Keeping new rooms away from a draining instance is
# signaling's placement (media.instance-load reports) together with media-service refusing new
# rooms while draining (docs/operations.md, "Draining a media node").
set -u
host="${HOST_IP:-127.0.0.1}"
port="${MEDIA_HTTP_PORT:-8083}"
poll="${DRAIN_POLL_SECONDS:-15}"

rooms() {
  local line value
  exec 3<>"/dev/tcp/${host}/${port}" || { echo -1; return; }
  printf 'GET /q/metrics HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3
  while IFS= read -r -t 10 line <&3; do
    case "$line" in
      "media_rooms "* | "media_rooms{"*)
        value="${line##* }"
        exec 3<&-
        echo "${value%%.*}"
        return
        ;;
    esac
  done
  exec 3<&-
  echo -1
}

while true; do
  open="$(rooms)"
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

#!/bin/bash
# Stands in for the docker CLI when Jib builds an image with no Docker daemon around
# (-Dquarkus.jib.docker-executable-name=<this file>): Jib hands a finished image to `docker load`
# as a tarball on stdin; this keeps that tarball in $JIB_IMAGE_TARBALL instead. It answers the
# only other question Jib asks, `docker info`, with the platform to build for. Anything else fails.
set -euo pipefail
case "${1:-}" in
  info)
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  load)
    : "${JIB_IMAGE_TARBALL:?set JIB_IMAGE_TARBALL to the file the image tarball goes to}"
    mkdir -p "$(dirname "$JIB_IMAGE_TARBALL")"
    cat > "$JIB_IMAGE_TARBALL"
    echo "Loaded image tarball: $JIB_IMAGE_TARBALL"
    ;;
  *)
    echo "save-image-tarball.sh: 'docker $*' is not supported, only load and info" >&2
    exit 1
    ;;
esac

#!/usr/bin/env bash
# Prints (or follows) the CloudWatch logs of one service of an environment.
#   infra/scripts/ecs_logs.sh <api|worker|image-gen> <env> [--since 30m] [--follow]
# celery and imagegen are accepted as the seed's names for worker and image-gen.
set -euo pipefail
# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  echo "usage: $0 <api|worker|image-gen> <dev|test|demo|prod> [--since 30m] [--follow]" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
SERVICE="$1"
ENV_NAME="$2"
shift 2
SINCE="30m"
FOLLOW=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --since)
      [[ $# -ge 2 ]] || usage
      SINCE="$2"
      shift 2
      ;;
    --follow)
      FOLLOW=(--follow)
      shift
      ;;
    *) usage ;;
  esac
done

case "$SERVICE" in
  api) ;;
  worker | celery) SERVICE=worker ;;
  image-gen | imagegen | image_gen) SERVICE=image-gen ;;
  *) die "unknown service '$SERVICE' (one of: api, worker, image-gen)" ;;
esac
check_env "$ENV_NAME"
require_cmd aws
load_shared_env
check_aws_credentials

LOG_GROUP="/ecs/genonaut-$ENV_NAME/$SERVICE"
info "Logs of $LOG_GROUP since $SINCE"
aws logs tail "$LOG_GROUP" --since "$SINCE" --format short "${FOLLOW[@]}"

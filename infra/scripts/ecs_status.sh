#!/usr/bin/env bash
# Shows each ECS service of an environment: task counts, deployments in progress and recent events.
#   infra/scripts/ecs_status.sh <env>
set -euo pipefail
# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -eq 1 ]] || {
  echo "usage: $0 <dev|test|demo|prod>" >&2
  exit 2
}
ENV_NAME="$1"
check_env "$ENV_NAME"
require_cmd aws
load_shared_env
check_aws_credentials

# Names follow the Terraform naming scheme, so no Terraform state is needed to look.
CLUSTER="genonaut-$ENV_NAME"
SERVICES=("genonaut-api-$ENV_NAME" "genonaut-worker-$ENV_NAME" "genonaut-image-gen-$ENV_NAME")

info "Cluster $CLUSTER"
aws ecs describe-services --cluster "$CLUSTER" --services "${SERVICES[@]}" \
  --query 'services[].{service:serviceName,status:status,desired:desiredCount,running:runningCount,pending:pendingCount,deployments:length(deployments),rollout:deployments[0].rolloutState}' \
  --output table

for service in "${SERVICES[@]}"; do
  info "Recent events of $service"
  aws ecs describe-services --cluster "$CLUSTER" --services "$service" \
    --query 'services[0].events[0:5].[createdAt,message]' --output text
done

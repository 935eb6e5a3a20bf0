#!/usr/bin/env bash
# Builds the one backend image, pushes it to the environment's three ECR repositories tagged with the git
# commit (immutable, for rollbacks) and latest (what the task definitions run), applies the database
# migrations in a one-off task, then forces a new deployment of the three ECS services.
#   infra/scripts/backend_deploy.sh <env> [--skip-migrations]
# ALLOW_DIRTY=1 deploys a work tree with uncommitted changes (its tag gets a -dirty suffix).
set -euo pipefail
# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  echo "usage: $0 <dev|test|demo|prod> [--skip-migrations]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
ENV_NAME="$1"
shift
MIGRATE=true
for arg in "$@"; do
  case "$arg" in
    --skip-migrations) MIGRATE=false ;;
    *) usage ;;
  esac
done
check_env "$ENV_NAME"
require_cmd aws terraform docker git
load_shared_env
check_aws_credentials
docker info >/dev/null 2>&1 || die "the Docker daemon is not running (start Docker Desktop or 'sudo systemctl start docker')"
check_tf_env "$ENV_NAME"

TAG="$(git -C "$REPO_ROOT" rev-parse --short=12 HEAD)"
if [[ -n "$(git -C "$REPO_ROOT" status --porcelain)" ]]; then
  [[ "${ALLOW_DIRTY:-}" == 1 ]] || die "the work tree has uncommitted changes: commit them, or set ALLOW_DIRTY=1"
  TAG="$TAG-dirty-$(date -u +%Y%m%d%H%M%S)"
fi

CLUSTER="$(tf_output "$ENV_NAME" ecs_cluster_name)"
declare -A REPOS=(
  [api]="$(tf_output "$ENV_NAME" ecr_repo_api_url)"
  [worker]="$(tf_output "$ENV_NAME" ecr_repo_worker_url)"
  [image-gen]="$(tf_output "$ENV_NAME" ecr_repo_image_gen_url)"
)
declare -A SERVICES=(
  [api]="$(tf_output "$ENV_NAME" ecs_service_api_name)"
  [worker]="$(tf_output "$ENV_NAME" ecs_service_worker_name)"
  [image-gen]="$(tf_output "$ENV_NAME" ecs_service_image_gen_name)"
)
REGISTRY="${REPOS[api]%%/*}"
LOCAL_IMAGE="genonaut:$TAG"

# Fargate runs x86_64; building for it explicitly keeps images from Apple Silicon machines runnable.
info "Building $LOCAL_IMAGE"
docker build --platform linux/amd64 --tag "$LOCAL_IMAGE" "$REPO_ROOT"

info "Logging in to $REGISTRY"
aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY" >/dev/null

for role in api worker image-gen; do
  repo="${REPOS[$role]}"
  for tag in "$TAG" latest; do
    docker tag "$LOCAL_IMAGE" "$repo:$tag"
    info "Pushing $repo:$tag"
    docker push --quiet "$repo:$tag" >/dev/null
  done
done

if [[ "$MIGRATE" == true ]]; then
  info "Applying database migrations (one-off task, command: migrate up)"
  FAMILY="$(tf_output "$ENV_NAME" ecs_task_definition_api_family)"
  SUBNETS="$(tf "$ENV_NAME" output -json private_subnet_ids | tr -d '[] \n')"
  SECURITY_GROUP="$(tf_output "$ENV_NAME" migration_security_group_id)"
  TASK_ARN="$(aws ecs run-task --cluster "$CLUSTER" --task-definition "$FAMILY" --launch-type FARGATE \
    --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
    --overrides '{"containerOverrides":[{"name":"api","command":["migrate","up"]}]}' \
    --query 'tasks[0].taskArn' --output text)"
  [[ -n "$TASK_ARN" && "$TASK_ARN" != "None" ]] || die "the migration task did not start (see aws ecs run-task output above)"
  aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK_ARN"
  EXIT_CODE="$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" \
    --query 'tasks[0].containers[0].exitCode' --output text)"
  [[ "$EXIT_CODE" == 0 ]] || die "migrations failed (exit code $EXIT_CODE): make ecs-logs-api-$ENV_NAME; the services were not updated"
fi

for role in api worker image-gen; do
  info "Forcing a new deployment of ${SERVICES[$role]}"
  aws ecs update-service --cluster "$CLUSTER" --service "${SERVICES[$role]}" \
    --force-new-deployment --query 'service.serviceName' --output text >/dev/null
done

cat <<SUMMARY

Backend deployment summary
  Environment:        $ENV_NAME
  Image tags:         $TAG, latest
  Repositories:       ${REPOS[api]}, ${REPOS[worker]}, ${REPOS[image-gen]}
  Migrations:         $([[ "$MIGRATE" == true ]] && echo applied || echo skipped)
  Cluster:            $CLUSTER
  API service:        ${SERVICES[api]}
  Worker service:     ${SERVICES[worker]}
  Image gen service:  ${SERVICES[image-gen]}

ECS services are updating. This usually takes 2-5 minutes.
  make ecs-status-$ENV_NAME          service state and recent events
  make ecs-logs-api-$ENV_NAME        API logs (also: worker, image-gen)
Roll back: deploy an older commit, or point the services at a previous tag (docs/deployment.md).
SUMMARY

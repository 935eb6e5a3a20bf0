#!/usr/bin/env bash
# Helpers shared by the deploy scripts: sourced, never run. Callers have `set -euo pipefail`.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TF_DIR="$REPO_ROOT/infra/main"
readonly ENVIRONMENTS="dev test demo prod"

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

info() {
  printf '==> %s\n' "$*"
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is not installed or not on the PATH (see docs/deployment.md, Prerequisites)"
  done
}

# check_env NAME: exits unless NAME is one of the environments.
check_env() {
  local env="${1:-}"
  [[ -n "$env" ]] || die "no environment given (one of: $ENVIRONMENTS)"
  [[ " $ENVIRONMENTS " == *" $env "* ]] || die "unknown environment '$env' (one of: $ENVIRONMENTS)"
}

# Reads env/.env.shared (DEPLOY_AWS_REGION, DEPLOY_AWS_PROFILE, ...) unless the variables are already set,
# as they are in CI, and points the AWS CLI at that region and profile.
load_shared_env() {
  local file="$REPO_ROOT/env/.env.shared"
  if [[ -f "$file" ]]; then
    set -a
    # shellcheck source=/dev/null
    source "$file"
    set +a
  fi
  [[ -n "${DEPLOY_AWS_REGION:-}" ]] || die "DEPLOY_AWS_REGION is not set: copy env/.env.shared.example to env/.env.shared and fill it in"
  export AWS_REGION="$DEPLOY_AWS_REGION"
  export AWS_DEFAULT_REGION="$DEPLOY_AWS_REGION"
  if [[ -n "${DEPLOY_AWS_PROFILE:-}" ]]; then
    export AWS_PROFILE="$DEPLOY_AWS_PROFILE"
  fi
}

# Each environment keeps its own Terraform working data (backend settings, providers) in
# infra/main/.terraform-<env>, so commands for one environment can never read another's state.
tf() {
  local env="$1"
  shift
  TF_DATA_DIR=".terraform-$env" terraform -chdir="$TF_DIR" "$@"
}

# tf_output ENV NAME: one output of the environment's applied state, checked to belong to ENV.
tf_output() {
  local env="$1" name="$2" value
  [[ -d "$TF_DIR/.terraform-$env" ]] || die "Terraform is not initialised for '$env': run make tf-init-$env"
  value="$(tf "$env" output -raw "$name" 2>/dev/null)" || die "Terraform output '$name' is missing for '$env': run make tf-apply-$env first"
  printf '%s' "$value"
}

check_tf_env() {
  local env="$1" actual
  actual="$(tf_output "$env" env)"
  [[ "$actual" == "$env" ]] || die "the Terraform state in .terraform-$env belongs to '$actual', not '$env'"
}

check_aws_credentials() {
  aws sts get-caller-identity >/dev/null 2>&1 || die "no valid AWS credentials (profile '${AWS_PROFILE:-default}'): run make aws-login"
}

#!/usr/bin/env bash
# Builds the web app and publishes it to the environment's S3 bucket behind CloudFront.
#   infra/scripts/frontend_deploy.sh <env> [--skip-build]
# Hashed files under assets/ are cached for a year (their names change with their content); index.html
# is revalidated on every load so a deploy shows at once; everything else is cached for five minutes.
set -euo pipefail
# shellcheck source=infra/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  echo "usage: $0 <dev|test|demo|prod> [--skip-build]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
ENV_NAME="$1"
shift
SKIP_BUILD=false
for arg in "$@"; do
  case "$arg" in
    --skip-build) SKIP_BUILD=true ;;
    *) usage ;;
  esac
done
check_env "$ENV_NAME"
require_cmd aws terraform npm
load_shared_env
check_aws_credentials
check_tf_env "$ENV_NAME"

BUCKET="$(tf_output "$ENV_NAME" static_site_bucket_name)"
DISTRIBUTION_ID="$(tf_output "$ENV_NAME" static_site_cloudfront_distribution_id)"
SITE_URL="$(tf_output "$ENV_NAME" site_url)"
DIST="$REPO_ROOT/web/dist"

if [[ "$SKIP_BUILD" == false ]]; then
  info "Building the web app"
  (cd "$REPO_ROOT" && npm run build -w web)
fi
[[ -f "$DIST/index.html" ]] || die "$DIST/index.html is missing: the web build did not run or failed"

info "Uploading hashed assets to s3://$BUCKET/assets (cached for a year)"
if [[ -d "$DIST/assets" ]]; then
  # No --delete: pages already open in browsers still load the previous build's chunks.
  aws s3 sync "$DIST/assets" "s3://$BUCKET/assets" \
    --cache-control "public, max-age=31536000, immutable" --only-show-errors
fi

info "Uploading the other files (cached for five minutes)"
aws s3 sync "$DIST" "s3://$BUCKET" --delete \
  --exclude "assets/*" --exclude "index.html" \
  --cache-control "public, max-age=300" --only-show-errors

# Last, so it never points at assets that are not uploaded yet.
info "Uploading index.html (revalidated on every load)"
aws s3 cp "$DIST/index.html" "s3://$BUCKET/index.html" \
  --cache-control "no-cache" --content-type "text/html; charset=utf-8" --only-show-errors

info "Invalidating CloudFront distribution $DISTRIBUTION_ID"
INVALIDATION_ID="$(aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" \
  --paths "/*" --query 'Invalidation.Id' --output text)"

cat <<SUMMARY

Frontend deployment summary
  Environment:   $ENV_NAME
  Git commit:    $(git -C "$REPO_ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
  Bucket:        s3://$BUCKET
  Distribution:  $DISTRIBUTION_ID (invalidation $INVALIDATION_ID, usually done within a few minutes)
  URL:           $SITE_URL

Check the invalidation:
  aws cloudfront get-invalidation --distribution-id $DISTRIBUTION_ID --id $INVALIDATION_ID
SUMMARY

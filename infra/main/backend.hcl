# Shared settings of the S3 backend. `make tf-init-<env>` adds the rest from env/.env.shared:
#   -backend-config="bucket=$DEPLOY_TF_STATE_BUCKET_NAME"
#   -backend-config="dynamodb_table=$DEPLOY_TF_DYNAMO_DB_TABLE"
#   -backend-config="region=$DEPLOY_AWS_REGION"
#   -backend-config="key=genonaut/<env>/terraform.tfstate"
encrypt = true

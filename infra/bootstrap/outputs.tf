output "state_bucket_name" {
  description = "Bucket for DEPLOY_TF_STATE_BUCKET_NAME."
  value       = aws_s3_bucket.state.bucket
}

output "state_bucket_arn" {
  description = "ARN of the state bucket, for IAM policies of whoever runs Terraform."
  value       = aws_s3_bucket.state.arn
}

output "lock_table_name" {
  description = "Table for DEPLOY_TF_DYNAMO_DB_TABLE."
  value       = aws_dynamodb_table.lock.name
}

output "aws_region" {
  description = "Region for DEPLOY_AWS_REGION."
  value       = var.aws_region
}

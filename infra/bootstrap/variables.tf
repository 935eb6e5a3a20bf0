variable "aws_region" {
  description = "Region of the state bucket and lock table (DEPLOY_AWS_REGION)."
  type        = string
}

variable "aws_profile" {
  description = "AWS CLI profile to authenticate with (DEPLOY_AWS_PROFILE); empty uses the default chain."
  type        = string
  default     = ""
}

variable "state_bucket_name" {
  description = "Globally unique name of the S3 bucket that holds Terraform state (DEPLOY_TF_STATE_BUCKET_NAME)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.state_bucket_name))
    error_message = "state_bucket_name must be a valid S3 bucket name."
  }
}

variable "lock_table_name" {
  description = "Name of the DynamoDB table Terraform takes its state lock in (DEPLOY_TF_DYNAMO_DB_TABLE)."
  type        = string
}

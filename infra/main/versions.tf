terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Bucket, region and lock table come from env/.env.shared through the Makefile (tf-init-<env>), the
  # state key from the environment; backend.hcl holds what every environment shares.
  backend "s3" {}
}

variable "env" {
  description = "Environment name, part of every resource name: dev, test, demo or prod."
  type        = string

  validation {
    condition     = contains(["dev", "test", "demo", "prod"], var.env)
    error_message = "env must be one of dev, test, demo, prod."
  }
}

variable "aws_region" {
  description = "Region of every regional resource (DEPLOY_AWS_REGION)."
  type        = string
}

variable "aws_profile" {
  description = "AWS CLI profile (DEPLOY_AWS_PROFILE); empty uses the default credential chain (CI)."
  type        = string
  default     = ""
}

variable "vpc_cidr" {
  description = "Address range of the VPC; split into a public and a private /20 per availability zone."
  type        = string
  default     = "10.40.0.0/16"
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per availability zone (survives an AZ outage) instead of one shared."
  type        = bool
  default     = false
}

variable "api_domain_name" {
  description = "Name the ALB answers HTTPS on (e.g. api.demo.example.com); CloudFront reaches the API through it."
  type        = string
}

variable "alb_certificate_arn" {
  description = "ACM certificate in aws_region covering api_domain_name, for the ALB's HTTPS listener."
  type        = string
}

variable "site_domain_name" {
  description = "Name of the web app on CloudFront (e.g. demo.example.com); empty uses the cloudfront.net name."
  type        = string
  default     = ""
}

variable "site_certificate_arn" {
  description = "ACM certificate in us-east-1 covering site_domain_name; required when site_domain_name is set."
  type        = string
  default     = ""
}

variable "route53_zone_id" {
  description = "Hosted zone to create alias records for api_domain_name and site_domain_name in; empty: manage DNS yourself."
  type        = string
  default     = ""
}

variable "cloudfront_price_class" {
  description = "CloudFront price class of the web app distribution."
  type        = string
  default     = "PriceClass_100"
}

variable "image_tag" {
  description = "Image tag the task definitions run; deploys push the git SHA and latest and force a new deployment."
  type        = string
  default     = "latest"
}

variable "genonaut_env" {
  description = "GENONAUT_ENV of the containers. production trusts the load balancer's X-Forwarded-For."
  type        = string
  default     = "production"
}

variable "log_level" {
  description = "LOG_LEVEL of the containers."
  type        = string
  default     = "info"
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps container logs."
  type        = number
  default     = 30
}

variable "registration_enabled" {
  description = "REGISTRATION_ENABLED: whether anyone may sign up."
  type        = bool
  default     = true
}

variable "comfyui_urls" {
  description = "COMFYUI_URLS of real ComfyUI servers; empty sends generation to the image-gen mock service."
  type        = string
  default     = ""
}

variable "comfyui_concurrency" {
  description = "COMFYUI_CONCURRENCY: jobs one ComfyUI backend runs at once."
  type        = number
  default     = 1
}

variable "services" {
  description = "Size and scaling of each ECS service: Fargate cpu units and MiB, task counts, CPU target."
  type = map(object({
    cpu        = number
    memory     = number
    desired    = number
    min        = number
    max        = number
    cpu_target = number
  }))
  default = {
    api       = { cpu = 512, memory = 1024, desired = 1, min = 1, max = 4, cpu_target = 60 }
    worker    = { cpu = 512, memory = 1024, desired = 1, min = 1, max = 4, cpu_target = 70 }
    image_gen = { cpu = 256, memory = 512, desired = 1, min = 1, max = 2, cpu_target = 70 }
  }

  validation {
    condition     = alltrue([for k in ["api", "worker", "image_gen"] : contains(keys(var.services), k)])
    error_message = "services must size api, worker and image_gen."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_engine_version" {
  description = "PostgreSQL major version of RDS."
  type        = string
  default     = "16"
}

variable "db_allocated_storage_gb" {
  description = "Initial RDS storage; it grows on its own up to db_max_allocated_storage_gb."
  type        = number
  default     = 20
}

variable "db_max_allocated_storage_gb" {
  description = "Ceiling of RDS storage autoscaling."
  type        = number
  default     = 100
}

variable "db_multi_az" {
  description = "Standby instance in the second availability zone."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days of automated RDS backups."
  type        = number
  default     = 7
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (turn off before tf-destroy)."
  type        = bool
  default     = false
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.micro"
}

variable "redis_replicas" {
  description = "Replicas besides the primary; one or more enables automatic failover."
  type        = number
  default     = 0
}

# prod environment. aws_region and aws_profile come from env/.env.shared through the Makefile.
# Replace the example domain and certificate ARNs with your own before the first apply.
env      = "prod"
vpc_cidr = "10.43.0.0/16"

api_domain_name      = "api.prod.genonaut.example.com"
alb_certificate_arn  = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
site_domain_name     = "genonaut.example.com"
site_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000001"

nat_gateway_per_az   = true
log_retention_days   = 90
registration_enabled = true

services = {
  api       = { cpu = 1024, memory = 2048, desired = 2, min = 2, max = 8, cpu_target = 60 }
  worker    = { cpu = 1024, memory = 2048, desired = 2, min = 2, max = 8, cpu_target = 70 }
  image_gen = { cpu = 256, memory = 512, desired = 1, min = 1, max = 2, cpu_target = 70 }
}

db_instance_class           = "db.t4g.medium"
db_allocated_storage_gb     = 50
db_max_allocated_storage_gb = 500
db_multi_az                 = true
db_backup_retention_days    = 14
db_deletion_protection      = true
redis_node_type             = "cache.t4g.small"
redis_replicas              = 1

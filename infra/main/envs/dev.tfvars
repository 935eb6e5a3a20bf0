# dev environment. aws_region and aws_profile come from env/.env.shared through the Makefile.
# Replace the example domain and certificate ARNs with your own before the first apply.
env      = "dev"
vpc_cidr = "10.40.0.0/16"

api_domain_name     = "api.dev.genonaut.example.com"
alb_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

log_level            = "debug"
log_retention_days   = 7
registration_enabled = true

services = {
  api       = { cpu = 256, memory = 512, desired = 1, min = 1, max = 2, cpu_target = 70 }
  worker    = { cpu = 256, memory = 512, desired = 1, min = 1, max = 2, cpu_target = 70 }
  image_gen = { cpu = 256, memory = 512, desired = 1, min = 1, max = 1, cpu_target = 70 }
}

db_instance_class        = "db.t4g.micro"
db_backup_retention_days = 1
redis_node_type          = "cache.t4g.micro"

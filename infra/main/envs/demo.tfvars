# demo environment. aws_region and aws_profile come from env/.env.shared through the Makefile.
# Replace the example domain and certificate ARNs with your own before the first apply.
env      = "demo"
vpc_cidr = "10.42.0.0/16"

api_domain_name     = "api.demo.genonaut.example.com"
alb_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

log_retention_days = 14
# Demo visitors use the demo accounts (seeded by a one-off task, see docs/deployment.md).
registration_enabled = false

services = {
  api       = { cpu = 512, memory = 1024, desired = 1, min = 1, max = 3, cpu_target = 60 }
  worker    = { cpu = 512, memory = 1024, desired = 1, min = 1, max = 2, cpu_target = 70 }
  image_gen = { cpu = 256, memory = 512, desired = 1, min = 1, max = 2, cpu_target = 70 }
}

db_instance_class        = "db.t4g.small"
db_backup_retention_days = 3
redis_node_type          = "cache.t4g.micro"

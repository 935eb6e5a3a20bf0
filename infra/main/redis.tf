resource "aws_elasticache_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id
}

# BullMQ requires noeviction: an evicted job key is a lost job.
resource "aws_elasticache_parameter_group" "main" {
  name   = "${local.name}-redis7"
  family = "redis7"

  parameter {
    name  = "maxmemory-policy"
    value = "noeviction"
  }
}

# Clients must speak TLS (rediss://) and present the auth token; both are in the REDIS_URL secret.
resource "aws_elasticache_replication_group" "main" {
  replication_group_id = local.name
  description          = "Genonaut ${var.env}: sessions, cache, queues and pub/sub"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.redis_node_type
  port                 = local.ports.redis
  parameter_group_name = aws_elasticache_parameter_group.main.name

  num_cache_clusters         = 1 + var.redis_replicas
  automatic_failover_enabled = var.redis_replicas > 0
  multi_az_enabled           = var.redis_replicas > 0

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = [aws_security_group.redis.id]

  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = random_password.redis.result

  snapshot_retention_limit = var.env == "prod" ? 7 : 0
  apply_immediately        = var.env != "prod"
}

# Secrets live in SSM Parameter Store as SecureStrings (the account's aws/ssm KMS key). The execution
# role reads them when a task starts and injects them as environment variables; they never appear in a
# task definition. Generated passwords avoid characters that would need escaping inside a URL.

resource "random_password" "db" {
  length  = 40
  special = false
}

resource "random_password" "redis" {
  length  = 64
  special = false
}

resource "aws_ssm_parameter" "database_url" {
  name        = "/${local.name}/DATABASE_URL"
  description = "PostgreSQL connection string of the API and workers"
  type        = "SecureString"
  value = format(
    "postgres://%s:%s@%s:%d/%s?sslmode=verify-full&sslrootcert=%s",
    aws_db_instance.main.username,
    random_password.db.result,
    aws_db_instance.main.address,
    local.ports.postgres,
    aws_db_instance.main.db_name,
    "/app/certs/rds-global-bundle.pem",
  )
}

resource "aws_ssm_parameter" "redis_url" {
  name        = "/${local.name}/REDIS_URL"
  description = "Redis connection string (TLS, auth token) of the API and workers"
  type        = "SecureString"
  value = format(
    "rediss://:%s@%s:%d",
    random_password.redis.result,
    aws_elasticache_replication_group.main.primary_endpoint_address,
    local.ports.redis,
  )
}

# Read by infra/scripts/*.sh (terraform output -raw <name>) and shown after an apply.

output "env" {
  value = var.env
}

output "aws_region" {
  value = var.aws_region
}

output "site_url" {
  description = "Where users open the web app."
  value       = "https://${local.site_domain}"
}

output "static_site_bucket_name" {
  value = aws_s3_bucket.site.bucket
}

output "static_site_cloudfront_distribution_id" {
  value = aws_cloudfront_distribution.site.id
}

output "cloudfront_domain_name" {
  value = aws_cloudfront_distribution.site.domain_name
}

output "images_bucket_name" {
  value = aws_s3_bucket.images.bucket
}

output "alb_dns_name" {
  description = "Point api_domain_name at this (done for you with route53_zone_id)."
  value       = aws_lb.main.dns_name
}

output "api_url" {
  value = "https://${var.api_domain_name}"
}

output "ecr_repo_api_url" {
  value = aws_ecr_repository.api.repository_url
}

output "ecr_repo_worker_url" {
  value = aws_ecr_repository.worker.repository_url
}

output "ecr_repo_image_gen_url" {
  value = aws_ecr_repository.image_gen.repository_url
}

output "ecs_cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "ecs_service_api_name" {
  value = aws_ecs_service.api.name
}

output "ecs_service_worker_name" {
  value = aws_ecs_service.worker.name
}

output "ecs_service_image_gen_name" {
  value = aws_ecs_service.image_gen.name
}

output "ecs_task_definition_api_family" {
  description = "The migration task runs this family with the command `migrate up`."
  value       = aws_ecs_task_definition.api.family
}

output "private_subnet_ids" {
  description = "Where one-off tasks (migrations, seeding) run."
  value       = aws_subnet.private[*].id
}

output "migration_security_group_id" {
  description = "One-off tasks run in the worker group, which reaches PostgreSQL and Redis."
  value       = aws_security_group.worker.id
}

output "log_group_api" {
  value = aws_cloudwatch_log_group.api.name
}

output "log_group_worker" {
  value = aws_cloudwatch_log_group.worker.name
}

output "log_group_image_gen" {
  value = aws_cloudwatch_log_group.image_gen.name
}

output "database_endpoint" {
  value = aws_db_instance.main.address
}

output "redis_endpoint" {
  value = aws_elasticache_replication_group.main.primary_endpoint_address
}

output "ssm_parameter_names" {
  description = "Secrets the tasks receive; read one with aws ssm get-parameter --with-decryption."
  value       = [aws_ssm_parameter.database_url.name, aws_ssm_parameter.redis_url.name]
}

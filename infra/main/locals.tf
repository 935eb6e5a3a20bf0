locals {
  name = "genonaut-${var.env}"
  azs  = slice(data.aws_availability_zones.available.names, 0, 2)

  # The ports the containers listen on; task definitions, target groups and security groups all read
  # them from here so they cannot drift apart.
  ports = {
    http      = 80
    https     = 443
    api       = 8001
    image_gen = 8189
    postgres  = 5432
    redis     = 6379
  }

  # The mock serves under this prefix so the ALB can route it by path (MOCK_BASE_PATH).
  image_gen_base_path = "/image-gen"
  # Workers reach the mock directly through Cloud Map, not back out through the public load balancer.
  image_gen_internal_url = "http://image-gen.${local.name}.internal:${local.ports.image_gen}${local.image_gen_base_path}"

  site_domain = var.site_domain_name != "" ? var.site_domain_name : aws_cloudfront_distribution.site.domain_name

  # The image: one build for every role; the command picks the role (ENTRYPOINT is the CLI).
  images = {
    api       = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
    worker    = "${aws_ecr_repository.worker.repository_url}:${var.image_tag}"
    image_gen = "${aws_ecr_repository.image_gen.repository_url}:${var.image_tag}"
  }

  # Environment of every container (docs/configuration.md explains each variable).
  base_environment = {
    GENONAUT_ENV = var.genonaut_env
    LOG_LEVEL    = var.log_level
  }

  # API and worker: the same application settings, so both agree on storage, Redis prefix and backends.
  app_environment = {
    PUBLIC_URL           = "https://${local.site_domain}"
    COOKIE_SECURE        = "true"
    REDIS_KEY_PREFIX     = "genonaut"
    STORAGE_BACKEND      = "s3"
    S3_BUCKET            = aws_s3_bucket.images.bucket
    S3_REGION            = var.aws_region
    COMFYUI_URLS         = var.comfyui_urls != "" ? var.comfyui_urls : "mock=${local.image_gen_internal_url}"
    COMFYUI_CONCURRENCY  = tostring(var.comfyui_concurrency)
    REGISTRATION_ENABLED = tostring(var.registration_enabled)
  }

  api_environment = {
    HOST = "0.0.0.0"
    PORT = tostring(local.ports.api)
    # A heap budget: without one V8 lets the heap grow lazily under load (380 MB resident in the
    # benchmark, against 200 MB with this cap at the same request rate; docs/performance.md).
    NODE_OPTIONS = "--enable-source-maps --max-old-space-size=192"
  }

  worker_environment = {
    DATABASE_POOL_SIZE = "4"
  }

  image_gen_environment = {
    HOST           = "0.0.0.0"
    MOCK_PORT      = tostring(local.ports.image_gen)
    MOCK_BASE_PATH = local.image_gen_base_path
  }

  # Secrets the execution role reads from SSM and injects; iam.tf grants exactly these.
  app_secrets = {
    DATABASE_URL = aws_ssm_parameter.database_url.arn
    REDIS_URL    = aws_ssm_parameter.redis_url.arn
  }
}

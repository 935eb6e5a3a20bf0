# One image, three roles: the image's ENTRYPOINT is the `genonaut` CLI and each command picks the role.
# The container definitions are plain objects here (not built in a loop) so a reader, and the infra
# tests, can see every port, variable and secret each container gets.

locals {
  containers = {
    api = {
      name         = "api"
      image        = local.images.api
      essential    = true
      command      = ["api"]
      portMappings = [{ containerPort = 8001, protocol = "tcp" }]
      environment  = [for k, v in merge(local.base_environment, local.app_environment, local.api_environment) : { name = k, value = v }]
      secrets      = [for k, v in local.app_secrets : { name = k, valueFrom = v }]
      healthCheck = {
        command     = ["CMD", "node", "server/dist/healthcheck.js", "api"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      linuxParameters = { initProcessEnabled = true }
      stopTimeout     = 30
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "api"
        }
      }
    }

    worker = {
      name         = "worker"
      image        = local.images.worker
      essential    = true
      command      = ["worker"]
      portMappings = []
      environment  = [for k, v in merge(local.base_environment, local.app_environment, local.worker_environment) : { name = k, value = v }]
      secrets      = [for k, v in local.app_secrets : { name = k, valueFrom = v }]
      healthCheck = {
        command     = ["CMD", "node", "server/dist/healthcheck.js", "worker"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      linuxParameters = { initProcessEnabled = true }
      # A generation job in flight gets time to finish or be handed back to the queue.
      stopTimeout = 120
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.worker.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "worker"
        }
      }
    }

    image_gen = {
      name         = "image-gen"
      image        = local.images.image_gen
      essential    = true
      command      = ["comfyui-mock"]
      portMappings = [{ containerPort = 8189, protocol = "tcp" }]
      environment  = [for k, v in merge(local.base_environment, local.image_gen_environment) : { name = k, value = v }]
      secrets      = []
      healthCheck = {
        command     = ["CMD", "node", "server/dist/healthcheck.js", "comfyui-mock"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 15
      }
      linuxParameters = { initProcessEnabled = true }
      stopTimeout     = 10
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.image_gen.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "image-gen"
        }
      }
    }
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "genonaut-api-${var.env}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services.api.cpu
  memory                   = var.services.api.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.app_task.arn
  container_definitions    = jsonencode([local.containers.api])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "genonaut-worker-${var.env}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services.worker.cpu
  memory                   = var.services.worker.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.app_task.arn
  container_definitions    = jsonencode([local.containers.worker])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "image_gen" {
  family                   = "genonaut-image-gen-${var.env}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services.image_gen.cpu
  memory                   = var.services.image_gen.memory
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions    = jsonencode([local.containers.image_gen])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

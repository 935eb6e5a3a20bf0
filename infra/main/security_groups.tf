# Each security group admits exactly the ports its members listen on, and only from the groups that
# talk to them: the internet → ALB (80, 443) → api (8001) and image-gen (8189); worker → image-gen
# (8189); api and worker → PostgreSQL (5432) and Redis (6379).

resource "aws_security_group" "alb" {
  name        = "${local.name}-alb"
  description = "Load balancer: HTTP and HTTPS from anywhere"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-alb" }
}

resource "aws_security_group" "api" {
  name        = "${local.name}-api"
  description = "API tasks"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-api" }
}

resource "aws_security_group" "worker" {
  name        = "${local.name}-worker"
  description = "Worker tasks: no inbound traffic"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-worker" }
}

resource "aws_security_group" "image_gen" {
  name        = "${local.name}-image-gen"
  description = "ComfyUI mock tasks"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-image-gen" }
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "PostgreSQL"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-db" }
}

resource "aws_security_group" "redis" {
  name        = "${local.name}-redis"
  description = "Redis"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-redis" }
}

# Load balancer

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP, answered with a redirect to HTTPS"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = local.ports.http
  to_port           = local.ports.http
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = local.ports.https
  to_port           = local.ports.https
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward to the API"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.api
  to_port                      = local.ports.api
}

resource "aws_vpc_security_group_egress_rule" "alb_to_image_gen" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward to the ComfyUI mock"
  referenced_security_group_id = aws_security_group.image_gen.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.image_gen
  to_port                      = local.ports.image_gen
}

# Tasks

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.api.id
  description                  = "HTTP and WebSocket from the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.api
  to_port                      = local.ports.api
}

resource "aws_vpc_security_group_ingress_rule" "image_gen_from_alb" {
  security_group_id            = aws_security_group.image_gen.id
  description                  = "ComfyUI API from the load balancer (/image-gen)"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.image_gen
  to_port                      = local.ports.image_gen
}

resource "aws_vpc_security_group_ingress_rule" "image_gen_from_worker" {
  security_group_id            = aws_security_group.image_gen.id
  description                  = "ComfyUI API and WebSocket from the workers"
  referenced_security_group_id = aws_security_group.worker.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.image_gen
  to_port                      = local.ports.image_gen
}

resource "aws_vpc_security_group_ingress_rule" "image_gen_from_api" {
  security_group_id            = aws_security_group.image_gen.id
  description                  = "Backend health and model lists for /api/v1/health and the admin pages"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.image_gen
  to_port                      = local.ports.image_gen
}

# Tasks reach AWS APIs (ECR, SSM, CloudWatch, S3) and any external ComfyUI servers: outbound is open,
# inbound is what the rules above admit.
resource "aws_vpc_security_group_egress_rule" "api_all" {
  security_group_id = aws_security_group.api.id
  description       = "Outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_egress_rule" "worker_all" {
  security_group_id = aws_security_group.worker.id
  description       = "Outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_egress_rule" "image_gen_all" {
  security_group_id = aws_security_group.image_gen.id
  description       = "Outbound (image pulls, logs)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

# Data stores: only the application's tasks, only their port, no outbound rules at all.

resource "aws_vpc_security_group_ingress_rule" "db_from_api" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the API"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.postgres
  to_port                      = local.ports.postgres
}

resource "aws_vpc_security_group_ingress_rule" "db_from_worker" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the workers (and the migration task, which runs as a worker)"
  referenced_security_group_id = aws_security_group.worker.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.postgres
  to_port                      = local.ports.postgres
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_api" {
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from the API"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.redis
  to_port                      = local.ports.redis
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_worker" {
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from the workers"
  referenced_security_group_id = aws_security_group.worker.id
  ip_protocol                  = "tcp"
  from_port                    = local.ports.redis
  to_port                      = local.ports.redis
}

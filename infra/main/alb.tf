# Public entry of the backend: HTTPS only (HTTP answers with a redirect). /api (the WebSocket at
# /api/v1/ws included) and the API's own pages go to the API, /image-gen to the ComfyUI mock.

resource "aws_lb" "main" {
  name               = local.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.alb.id]
  subnets            = aws_subnet.public[*].id

  # Long enough for an idle WebSocket between the server's pings.
  idle_timeout               = 120
  drop_invalid_header_fields = true
  enable_deletion_protection = var.env == "prod"
}

resource "aws_lb_target_group" "api" {
  name                 = "${local.name}-api"
  port                 = local.ports.api
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = 30

  health_check {
    path                = "/api/v1/health"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "image_gen" {
  name                 = "${local.name}-image-gen"
  port                 = local.ports.image_gen
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = 15

  health_check {
    path                = "${local.image_gen_base_path}/health"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = local.ports.http
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = tostring(local.ports.https)
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.main.arn
  port              = local.ports.https
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.alb_certificate_arn

  # Anything no rule claims: a JSON 404 in the API's error shape.
  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      status_code  = "404"
      message_body = "{\"error\":{\"code\":\"not_found\",\"message\":\"No route\"}}"
    }
  }
}

# The WebSocket is named on its own so it keeps reaching the API whatever happens to the /api rule.
resource "aws_lb_listener_rule" "api_ws" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/api/v1/ws"]
    }
  }
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 20

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/api", "/api/*"]
    }
  }
}

# The API's interactive docs, its OpenAPI document and the queue dashboard live outside /api.
resource "aws_lb_listener_rule" "api_pages" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 30

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/docs", "/docs/*", "/openapi.json", "/admin/queues", "/admin/queues/*"]
    }
  }
}

resource "aws_lb_listener_rule" "image_gen" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 40

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.image_gen.arn
  }

  condition {
    path_pattern {
      values = [local.image_gen_base_path, "${local.image_gen_base_path}/*"]
    }
  }
}

# Every service scales on its average CPU between the min and max of var.services.

locals {
  scaled_services = {
    api       = aws_ecs_service.api.name
    worker    = aws_ecs_service.worker.name
    image_gen = aws_ecs_service.image_gen.name
  }
}

resource "aws_appautoscaling_target" "service" {
  for_each = local.scaled_services

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${each.value}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.services[each.key].min
  max_capacity       = var.services[each.key].max
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = local.scaled_services

  name               = "${each.value}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.services[each.key].cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

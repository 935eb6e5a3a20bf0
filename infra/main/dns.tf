# Optional: alias records when the zone is in Route 53 (route53_zone_id). Without it, point
# api_domain_name at alb_dns_name and site_domain_name at cloudfront_domain_name yourself.

resource "aws_route53_record" "api" {
  count = var.route53_zone_id != "" ? 1 : 0

  zone_id = var.route53_zone_id
  name    = var.api_domain_name
  type    = "A"

  alias {
    name                   = aws_lb.main.dns_name
    zone_id                = aws_lb.main.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "site" {
  count = var.route53_zone_id != "" && var.site_domain_name != "" ? 1 : 0

  zone_id = var.route53_zone_id
  name    = var.site_domain_name
  type    = "A"

  alias {
    name                   = aws_cloudfront_distribution.site.domain_name
    zone_id                = aws_cloudfront_distribution.site.hosted_zone_id
    evaluate_target_health = false
  }
}

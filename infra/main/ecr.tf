# One repository per service, as the seed names them; every deploy pushes the same image to all three
# with an immutable git-SHA tag besides latest (latest is the one tag that moves).

resource "aws_ecr_repository" "api" {
  name                 = "genonaut-api-${var.env}"
  image_tag_mutability = "MUTABLE"
  force_delete         = var.env != "prod"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "worker" {
  name                 = "genonaut-worker-${var.env}"
  image_tag_mutability = "MUTABLE"
  force_delete         = var.env != "prod"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "image_gen" {
  name                 = "genonaut-imagegen-${var.env}"
  image_tag_mutability = "MUTABLE"
  force_delete         = var.env != "prod"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Keep the last 30 images per repository: enough to roll back, not a growing bill.
resource "aws_ecr_lifecycle_policy" "keep_recent" {
  for_each = {
    api       = aws_ecr_repository.api.name
    worker    = aws_ecr_repository.worker.name
    image_gen = aws_ecr_repository.image_gen.name
  }

  repository = each.value
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 30 most recent images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 30
      }
      action = { type = "expire" }
    }]
  })
}

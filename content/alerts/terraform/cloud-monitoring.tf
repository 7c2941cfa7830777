# Cloud Monitoring alert policies of the platform team (sample).
# Each policy's documentation links to its runbook; `npx hikitsugi alerts` checks that the link opens.

resource "google_monitoring_notification_channel" "oncall" {
  display_name = "On-call (PagerDuty)"
  type         = "pagerduty"
  sensitive_labels {
    service_key = var.pagerduty_service_key
  }
}

resource "google_monitoring_alert_policy" "cloudsql_instance_down" {
  display_name = "CloudSQLInstanceDown"
  combiner     = "OR"
  severity     = "CRITICAL"
  conditions {
    display_name = "Cloud SQL primary is down"
    condition_threshold {
      filter          = "resource.type = \"cloudsql_database\" AND metric.type = \"cloudsql.googleapis.com/database/up\""
      comparison      = "COMPARISON_LT"
      threshold_value = 1
      duration        = "60s"
      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_MIN"
      }
    }
  }
  notification_channels = [google_monitoring_notification_channel.oncall.id]
  user_labels = {
    service = "cloud-sql"
  }
  documentation {
    mime_type = "text/markdown"
    content   = "Cloud SQL のプライマリが応答しません。ランブックの手順でフェイルオーバーを判断してください。"
    links {
      display_name = "Runbook"
      url          = "https://handbook.example.com/runbooks/cloud-sql-failover/"
    }
  }
}

resource "google_monitoring_alert_policy" "cloudsql_connection_errors" {
  display_name = "CloudSQLConnectionErrors"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "Aborted connections"
    condition_threshold {
      filter          = "resource.type = \"cloudsql_database\" AND metric.type = \"cloudsql.googleapis.com/database/network/connections\""
      comparison      = "COMPARISON_GT"
      threshold_value = 900
      duration        = "300s"
    }
  }
  notification_channels = [google_monitoring_notification_channel.oncall.id]
  documentation {
    mime_type = "text/markdown"
    content   = "接続エラーが増えています。Runbook: https://handbook.example.com/alerts/CloudSQLConnectionErrors/"
  }
}

resource "google_monitoring_alert_policy" "cloudsql_high_cpu" {
  display_name = "CloudSQLHighCPU"
  combiner     = "OR"
  user_labels = {
    severity = "warning"
  }
  conditions {
    display_name = "CPU above 90% for 15 minutes"
    condition_threshold {
      filter          = "resource.type = \"cloudsql_database\" AND metric.type = \"cloudsql.googleapis.com/database/cpu/utilization\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0.9
      duration        = "900s"
    }
  }
  documentation {
    mime_type = "text/markdown"
    content   = "CPU 使用率が高い状態が続いています。"
    links {
      display_name = "ランブック"
      url          = "https://handbook.example.com/alerts/CloudSQLHighCPU/"
    }
  }
}

resource "google_monitoring_alert_policy" "lb_5xx" {
  display_name = "LoadBalancer5xxRateHigh"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "5xx ratio above 1%"
    condition_threshold {
      filter          = "resource.type = \"https_lb_rule\" AND metric.type = \"loadbalancing.googleapis.com/https/request_count\" AND metric.labels.response_code_class = 500"
      comparison      = "COMPARISON_GT"
      threshold_value = 5
      duration        = "300s"
    }
  }
  documentation {
    mime_type = "text/markdown"
    content   = "ロードバランサの 5xx が増えています。アクセスログを BigQuery で調べてください。"
    links {
      display_name = "Runbook"
      url          = "https://handbook.example.com/runbooks/bigquery-access-log-investigation/"
    }
  }
}

# SLO burn-rate alerts on the API's availability SLO.
resource "google_monitoring_alert_policy" "api_burn_fast" {
  display_name = "ApiErrorBudgetBurnFast"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "Burn rate 14.4x over 1h"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"projects/example/services/api/serviceLevelObjectives/availability\", \"3600s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 14.4
      duration        = "0s"
    }
  }
  documentation {
    mime_type = "text/markdown"
    content   = "エラーバジェットを急速に消費しています。直前のデプロイを疑ってください。"
    links {
      display_name = "Runbook"
      url          = "https://handbook.example.com/runbooks/deploy-rollback/"
    }
  }
}

resource "google_monitoring_alert_policy" "api_burn_medium" {
  display_name = "ApiErrorBudgetBurnMedium"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "Burn rate 6x over 6h"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"projects/example/services/api/serviceLevelObjectives/availability\", \"21600s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 6
      duration        = "0s"
    }
  }
  # No link: the runbooks that list ApiErrorBudgetBurnMedium in `alerts:` answer it.
  documentation {
    mime_type = "text/markdown"
    content   = "エラーバジェットの消費が速まっています。"
  }
}

resource "google_monitoring_alert_policy" "terraform_apply_failed" {
  display_name = "TerraformApplyFailed"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "terraform apply failed in Cloud Build"
    condition_matched_log {
      filter = "resource.type = \"build\" AND textPayload:\"Error acquiring the state lock\""
    }
  }
  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
  }
  documentation {
    mime_type = "text/markdown"
    content   = "Terraform の apply が失敗しました。state ロックを確認してください。"
    links {
      display_name = "Runbook"
      url          = "https://handbook.example.com/alerts/TerraformApplyFailed/"
    }
  }
}

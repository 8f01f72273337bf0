output "oidc_superwidget_id" {
  value = okta_app_oauth.okta_super_widget.id
  }

output "customer_portal_app_id" {
  value = okta_app_oauth.customer_portal.id
  }
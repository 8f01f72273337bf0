
output "okta_web_app" {
    value = okta_app_oauth.okta-web-app
}
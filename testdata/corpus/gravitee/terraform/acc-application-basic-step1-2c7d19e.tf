resource "graviteeam_domain" "test" {
  name        = "test-acc-app"
  description = "Domain for application acceptance test"

  oidc {
    allow_localhost_redirect_uri   = true
    allow_http_scheme_redirect_uri = true
  }
  login_settings {}
}

resource "graviteeam_application" "test" {
  domain_id   = graviteeam_domain.test.id
  name        = "Test Application"
  type        = "WEB"
  description = "Acceptance test application"

  oauth_settings {
    redirect_uris  = ["http://localhost:5000/auth"]
    grant_types    = ["authorization_code", "refresh_token"]
    response_types = ["code"]
    scopes         = ["openid", "profile", "email"]
  }
}

resource "graviteeam_domain" "test" {
  name        = "test-acc-app"
  description = "Domain for application acceptance test"

  oidc {
    allow_localhost_redirect_uri   = true
    allow_http_scheme_redirect_uri = true
  }
  login_settings {}
}

resource "graviteeam_factor" "totp" {
  domain_id   = graviteeam_domain.test.id
  name        = "App Test TOTP"
  factor_type = "TOTP"
}

resource "graviteeam_application" "test" {
  domain_id   = graviteeam_domain.test.id
  name        = "Updated Test Application"
  type        = "WEB"
  description = "Updated acceptance test application"

  factors = [graviteeam_factor.totp.id]

  oauth_settings {
    redirect_uris  = ["http://localhost:5000/auth", "http://localhost:5000/callback"]
    grant_types    = ["authorization_code", "refresh_token"]
    response_types = ["code"]
    scopes         = ["openid", "profile", "email"]
  }

  mfa_settings {
    enrollment = "OPTIONAL"
    challenge  = "REQUIRED"
  }

  settings_json = jsonencode({
    advanced = {
      skipConsent = true
    }
    oauth = {
      forcePKCE               = true
      tokenEndpointAuthMethod = "client_secret_post"
      tokenCustomClaims = [
        {
          claimName  = "tenant"
          claimValue = "terraform"
          tokenType  = "ACCESS_TOKEN"
        }
      ]
    }
  })
}

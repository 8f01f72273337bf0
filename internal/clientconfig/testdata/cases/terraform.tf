locals {
  cb = "https://app.example.com/cb"
}

resource "keycloak_openid_client" "web" {
  realm_id              = var.realm
  client_id             = "web"
  access_type           = "CONFIDENTIAL"
  standard_flow_enabled = true
  implicit_flow_enabled = var.legacy
  root_url              = "https://web.example.com"
  valid_redirect_uris   = ["/cb", local.cb, "https://${var.host}/x", "http://10.0.0.1/cb"]
  client_secret         = var.secret
  extra_config = {
    "require.pushed.authorization.requests" = "true"
    "pkce.code.challenge.method"            = "S256"
  }
  # whichflow:ignore redirect-http-non-loopback reason="lab"
}

resource "okta_app_oauth" "svc" {
  label               = "svc"
  type                = "service"
  client_basic_secret = "okta-literal-secret"
}

resource "okta_app_oauth" "native" {
  label                      = "native"
  type                       = "native"
  token_endpoint_auth_method = "none"
  redirect_uris              = ["com.example.app:/cb"]
  refresh_token_rotation     = "ROTATE"
}

resource "auth0_client" "spa" {
  name        = "SPA"
  app_type    = "spa"
  grant_types = ["authorization_code"]
  callbacks   = ["https://spa.example.com/cb"]
}

resource "auth0_client_credentials" "spa" {
  client_id             = auth0_client.spa.id
  authentication_method = "none"
}

resource "auth0_client" "m2m" {
  name = "M2M"
}

resource "auth0_client_credentials" "m2m" {
  client_id             = auth0_client.m2m.id
  authentication_method = "client_secret_post"
  client_secret         = "auth0-literal-secret"
}

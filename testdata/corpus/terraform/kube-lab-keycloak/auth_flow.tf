# =============================================================================
# ROLES & GROUP MAPPINGS
# =============================================================================

# Role required to access the demo application
resource "keycloak_role" "demo_app_access" {
  realm_id    = keycloak_realm.kube_lab.id
  name        = "demo_app_access"
  description = "Role required to access the Envoy Demo App"
}

# Authorize the 'developer' group
# resource "keycloak_group_roles" "dev_app_access" {
#   realm_id = keycloak_realm.kube_lab.id
#   group_id = keycloak_group.developer.id
#   role_ids = [keycloak_role.demo_app_access.id]
# }

# Authorize the 'sre' group
resource "keycloak_group_roles" "sre_app_access" {
  realm_id = keycloak_realm.kube_lab.id
  group_id = keycloak_group.sre.id
  role_ids = [keycloak_role.demo_app_access.id]
}

# =============================================================================
# PHASE 0: ROOT AUTHENTICATION FLOW
# =============================================================================

resource "keycloak_authentication_flow" "browser_demo_app" {
  realm_id    = keycloak_realm.kube_lab.id
  alias       = "Browser-Demo-App-Login-v4"
  description = "Complete Flow: Authentication Wrapper followed by RBAC Wrapper"
}

# =============================================================================
# PHASE 1: LOGIN WRAPPER
# Groups every authentication method.
# If ANY method succeeds, the user is authenticated.
# =============================================================================

resource "keycloak_authentication_subflow" "login_wrapper" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_flow.browser_demo_app.alias
  alias             = "demo-app-login-wrapper"
  provider_id       = "basic-flow"
  requirement       = "REQUIRED"
  priority          = 10
}

# =============================================================================
# PHASE 1.1: SSO AUTHENTICATION METHODS
# =============================================================================

# Checks if the user already has a valid Keycloak SSO cookie.
# If yes, login is transparent.
resource "keycloak_authentication_execution" "cookie" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.login_wrapper.alias
  authenticator     = "auth-cookie"
  requirement       = "ALTERNATIVE"
  priority          = 10
}

# Checks for Kerberos ticket (Active Directory SSO)
resource "keycloak_authentication_execution" "kerberos" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.login_wrapper.alias
  authenticator     = "auth-spnego"
  requirement       = "ALTERNATIVE"
  priority          = 20
}

# Redirect to external identity provider if configured
resource "keycloak_authentication_execution" "idp_redirector" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.login_wrapper.alias
  authenticator     = "identity-provider-redirector"
  requirement       = "ALTERNATIVE"
  priority          = 30
}

# =============================================================================
# PHASE 1.2: MANUAL LOGIN FALLBACK
# If no SSO method worked, fallback to username/password login
# =============================================================================

resource "keycloak_authentication_subflow" "forms_wrapper" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.login_wrapper.alias
  alias             = "demo-app-forms-wrapper"
  provider_id       = "basic-flow"
  requirement       = "ALTERNATIVE"
  priority          = 40
}

# Standard Keycloak login page
resource "keycloak_authentication_execution" "username_password" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.forms_wrapper.alias
  authenticator     = "auth-username-password-form"
  requirement       = "REQUIRED"
  priority          = 10
}

# =============================================================================
# PHASE 1.3: MULTI FACTOR AUTHENTICATION
# Only triggered after successful username/password authentication
# =============================================================================

resource "keycloak_authentication_subflow" "conditional_otp" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.forms_wrapper.alias
  alias             = "demo-app-conditional-otp"
  provider_id       = "basic-flow"
  requirement       = "CONDITIONAL"
  priority          = 20
}

# Check if the user has an OTP configured
resource "keycloak_authentication_execution" "cond_user_configured" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.conditional_otp.alias
  authenticator     = "conditional-user-configured"
  requirement       = "REQUIRED"
  priority          = 10
}

# Ask for OTP token if configured
resource "keycloak_authentication_execution" "otp_form" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.conditional_otp.alias
  authenticator     = "auth-otp-form"
  requirement       = "REQUIRED"
  priority          = 20
}

# =============================================================================
# PHASE 2: RBAC WRAPPER
# The user is authenticated at this point.
# We now verify if the user is authorized to access the application.
# =============================================================================

resource "keycloak_authentication_subflow" "rbac_deny_wrapper" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_flow.browser_demo_app.alias
  alias             = "demo-app-rbac-deny-wrapper"
  provider_id       = "basic-flow"
  requirement       = "CONDITIONAL"
  priority          = 20
}

# Check if user has required role
resource "keycloak_authentication_execution" "condition_role" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.rbac_deny_wrapper.alias
  authenticator     = "conditional-user-role"
  requirement       = "REQUIRED"
  priority          = 10
}

resource "keycloak_authentication_execution_config" "condition_role_config" {
  realm_id     = keycloak_realm.kube_lab.id
  execution_id = keycloak_authentication_execution.condition_role.id
  alias        = "deny-if-not-demo-app-access"

  config = {
    condUserRole = keycloak_role.demo_app_access.name
    negate       = "true"
  }
}

# If user does NOT have required role -> deny access
resource "keycloak_authentication_execution" "deny_access" {
  realm_id          = keycloak_realm.kube_lab.id
  parent_flow_alias = keycloak_authentication_subflow.rbac_deny_wrapper.alias
  authenticator     = "deny-access-authenticator"
  requirement       = "REQUIRED"
  priority          = 20
}

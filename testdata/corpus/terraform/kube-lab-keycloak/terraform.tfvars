keycloak_url      = "https://auth.192.168.1.100.sslip.io"
keycloak_username = "admin"
keycloak_password = "admin"
base_domain       = "192.168.1.100.sslip.io"

terraform {
  required_providers {
    keycloak = {
      source = "keycloak/keycloak"
    }
  }
}



terraform {
  required_providers {
    keycloak = {
      source = "mrparkers/keycloak"
    }
  }
}

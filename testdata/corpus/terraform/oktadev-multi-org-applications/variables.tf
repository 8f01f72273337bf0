#variable "org_name" {}
#variable "api_token" {}
#variable "base_url" {}

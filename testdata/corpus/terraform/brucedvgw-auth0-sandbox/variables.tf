variable "domain" {}

variable "client_id" {}

variable "client_secret" {}

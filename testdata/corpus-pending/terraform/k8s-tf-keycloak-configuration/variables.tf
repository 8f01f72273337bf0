
variable realm { }




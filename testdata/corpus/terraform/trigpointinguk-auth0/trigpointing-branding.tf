resource "auth0_branding" "trigpointing" {
  logo_url = "https://trigpointing.me/TUK-Logo.svg"
  colors {
    primary         = "#005f00"
    page_background = "#ffffff"
  }
  font {}
}

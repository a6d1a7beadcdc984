"""The web shell around every page: error pages, security headers, what templates may ask,
and the health check."""

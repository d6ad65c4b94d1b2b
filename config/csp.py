"""The Content-Security-Policy header on every response (django-csp), with a policy of its own for the CMS.

The site's pages run no inline script or style and load nothing from elsewhere, so their policy allows only the
site itself (settings.CONTENT_SECURITY_POLICY): should a post's sanitiser ever let markup through, the browser still
runs none of it. Wagtail's admin under /cms/ needs inline scripts and styles; it gets CMS_CONTENT_SECURITY_POLICY
rather than the site's policy being weakened for everyone.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.CMS_URL_PREFIX):
            parts.config = default_config(settings.CMS_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

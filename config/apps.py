from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class StaticFilesConfig(DjangoStaticFilesConfig):
    # @utrecht/design-tokens ships background-image-icon.css, which points at an SVG the package does not
    # contain; the hashed-manifest storage of production refuses that. We only use theme.css from it.
    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "background-image-icon.css", "*.scss"]

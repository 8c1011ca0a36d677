"""The demo site, assembled from each app's own demo content.

The project wires the apps together here so that no app imports another: the content app
builds the pages, then each feature app adds what it needs (its pages, snippets, data).
"""

from home.demo.builder import DemoBuilder
from newsletter.demo import build_bulletin_demo

# Each extra builder is a callable(home_page, log) -> list of what it created.
FEATURE_BUILDERS: list = [build_bulletin_demo]


def build_demo_site(log=print) -> list[str]:
    builder = DemoBuilder(log=log)
    created = builder.build()
    for build_feature in FEATURE_BUILDERS:
        created += build_feature(builder.home, log)
    return created

"""Figure modules: importing this package registers every chart in ``REGISTRY``."""
from . import (  # noqa: F401
    purges,
    space,
    apps,
    society,
    japan,
    xi,
    hangzhou,
    roundup,
    export_controls,
    ar,
    cuda,
    book_pages,
)

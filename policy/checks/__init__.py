"""The rules every content change must pass before anything is built: on the versions (`check`), on
translations that change together (`sync`) or alone (`correction`), and on the record of versions
in force at the base revision (`record`). The rules themselves are registered in `policy.rules`."""

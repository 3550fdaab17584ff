"""One Scrapy spider per job source (`name` = module name); shared helpers in _common."""

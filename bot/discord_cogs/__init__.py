"""One cog per feature of the Discord bot; MovieBot.setup_hook loads COGS in this order."""

from __future__ import annotations

from bot.discord_cogs.movienight import MovieNight
from bot.discord_cogs.profile import Profile
from bot.discord_cogs.ratings import Ratings
from bot.discord_cogs.recommend import Recommend
from bot.discord_cogs.watched import Watched

COGS = (Recommend, Ratings, Watched, Profile, MovieNight)

__all__ = ["COGS", "MovieNight", "Profile", "Ratings", "Recommend", "Watched"]

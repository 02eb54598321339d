"""One cog per feature of the Discord bot, each module with its own `async def setup(bot)`;
bot.discord.app.EXTENSIONS lists them in loading order."""

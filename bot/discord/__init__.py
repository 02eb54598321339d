"""moviebot on Discord: app.py (the Bot and serve), format.py and views.py and titles.py (how
replies look and behave), cogs/ (one feature each). Cogs only translate: every rule is the
service's (agent.service)."""
